// The staff directory. PartitionKey = tenant id, RowKey = Entra object id: one partition per
// organisation, so a roster import writes in 100-row transactions and the org plan reads one partition.
import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { HrRecord, Person } from '../core/people';
import { DEFAULT_WORKING_DAYS } from '../core/people';
import type { RosterChanges } from '../core/rosterPlan';
import { createIfAbsent, getEntity, listAll, submitInBatches, TABLES, typedStorageError, type Tables } from './tables';

interface PersonEntity {
  email: string;
  displayName: string;
  jobTitle: string;
  profession: string;
  team: string;
  service: string;
  managerId: string;
  careerStage: string;
  startDate: string;
  registrationBody: string;
  registrationNumber: string;
  roles: string;
  status: string;
  source: string;
  leftOn: string;
  confirmedBy: string;
  preferredName: string;
  supervisorId: string;
  workingDays: string;
  revalidationDate: string;
  knownSince: string;
}

export type StoredPerson = Person & { etag: string };

export interface PeopleStore {
  get(tenantId: string, aadObjectId: string): Promise<StoredPerson | undefined>;
  list(tenantId: string): Promise<Person[]>;
  findByEmail(tenantId: string, email: string): Promise<StoredPerson | undefined>;
  /** Whoever has this person as their line manager (filtered by the service, not read whole). */
  listDirectReports(tenantId: string, managerId: string): Promise<Person[]>;
  /** Team names on HR's roster, for people choosing theirs. */
  rosterTeams(tenantId: string): Promise<string[]>;
  applyRoster(tenantId: string, changes: RosterChanges, today: string): Promise<void>;
  /** A person not on the roster introduces themself; false if they are already known. */
  addSelfIntroduced(person: Person): Promise<boolean>;
  /** Changes some fields, only if nobody changed the person since `etag`; returns the new etag. */
  update(tenantId: string, aadObjectId: string, patch: PersonPatch, etag: string): Promise<string>;
}

/** The roster's qualification is kept in the qualifications table, never on the person's row. */
export type PersonPatch = Partial<Omit<Person, 'tenantId' | 'aadObjectId' | 'source' | 'qualification'>>;

function hrFields(r: HrRecord): Omit<PersonEntity, 'status' | 'source' | 'leftOn' | 'confirmedBy' | 'preferredName' | 'supervisorId' | 'workingDays' | 'revalidationDate' | 'knownSince'> & { supervisorId?: string } {
  return {
    email: r.email, displayName: r.displayName, jobTitle: r.jobTitle, profession: r.profession, team: r.team,
    service: r.service, managerId: r.managerId ?? '', careerStage: r.careerStage, startDate: r.startDate ?? '',
    registrationBody: r.registrationBody, registrationNumber: r.registrationNumber, roles: r.roles.join(';'),
    // Only when the roster had the column; otherwise whatever the person set stays.
    ...(r.supervisorId !== undefined ? { supervisorId: r.supervisorId ?? '' } : {}),
  };
}

function toEntityPatch(patch: PersonPatch): Partial<PersonEntity> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'roles') out[key] = (value as string[]).join(';');
    else if (key === 'workingDays') out[key] = (value as number[]).join(',');
    else out[key] = value === null ? '' : String(value);
  }
  return out;
}

function toPerson(e: TableEntityResult<PersonEntity>): StoredPerson {
  return {
    tenantId: e.partitionKey!,
    aadObjectId: e.rowKey!,
    email: e.email,
    displayName: e.displayName,
    jobTitle: e.jobTitle,
    profession: e.profession as Person['profession'],
    team: e.team,
    service: e.service,
    managerId: e.managerId || null,
    careerStage: e.careerStage as Person['careerStage'],
    startDate: e.startDate || null,
    registrationBody: e.registrationBody as Person['registrationBody'],
    registrationNumber: e.registrationNumber,
    roles: (e.roles ? e.roles.split(';') : []) as Person['roles'],
    status: e.status as Person['status'],
    source: e.source as Person['source'],
    leftOn: e.leftOn || null,
    confirmedBy: e.confirmedBy || null,
    preferredName: e.preferredName || null,
    supervisorId: e.supervisorId || null,
    workingDays: e.workingDays ? e.workingDays.split(',').map(Number) : DEFAULT_WORKING_DAYS,
    revalidationDate: e.revalidationDate || null,
    knownSince: e.knownSince || null,
    etag: e.etag,
  };
}

export class TablePeopleStore implements PeopleStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.people);
  }

  async get(tenantId: string, aadObjectId: string) {
    const entity = await getEntity<PersonEntity>(this.client, tenantId, aadObjectId.toLowerCase());
    return entity && toPerson(entity);
  }

  async list(tenantId: string) {
    return (await listAll<PersonEntity>(this.client, odata`PartitionKey eq ${tenantId}`)).map(toPerson);
  }

  async findByEmail(tenantId: string, email: string) {
    const rows = await listAll<PersonEntity>(this.client, odata`PartitionKey eq ${tenantId} and email eq ${email.trim().toLowerCase()}`);
    return rows[0] && toPerson(rows[0]);
  }

  async listDirectReports(tenantId: string, managerId: string) {
    return (await listAll<PersonEntity>(this.client, odata`PartitionKey eq ${tenantId} and managerId eq ${managerId}`)).map(toPerson);
  }

  async rosterTeams(tenantId: string) {
    const rows = await listAll<Pick<PersonEntity, 'team'>>(
      this.client, odata`PartitionKey eq ${tenantId} and source eq ${'roster'} and status eq ${'active'}`, ['team'],
    );
    return [...new Set(rows.map((r) => r.team))].sort((a, b) => a.localeCompare(b));
  }

  async applyRoster(tenantId: string, changes: RosterChanges, today: string) {
    // Merge, so what people set for themselves (preferred name, supervisor, working days) survives re-imports.
    const onRoster = (r: HrRecord) => ({
      partitionKey: tenantId, rowKey: r.aadObjectId, ...hrFields(r), status: 'active', source: 'roster', leftOn: '',
    });
    await submitInBatches(this.client, [
      // Joiners: Weave knows them from today, so supervision is not overdue from years back.
      ...changes.joiners.map((r): TransactionAction => ['create', { ...onRoster(r), knownSince: today }]),
      ...changes.updates.map((r): TransactionAction => ['update', onRoster(r), 'Merge']),
      ...changes.leavers.map((p): TransactionAction => [
        'update', { partitionKey: tenantId, rowKey: p.aadObjectId, status: 'left', leftOn: today }, 'Merge',
      ]),
    ]);
  }

  async addSelfIntroduced(person: Person) {
    return createIfAbsent<PersonEntity>(this.client, {
      partitionKey: person.tenantId,
      rowKey: person.aadObjectId,
      ...hrFields(person),
      status: person.status,
      source: person.source,
      leftOn: '',
      confirmedBy: '',
      preferredName: person.preferredName ?? '',
      supervisorId: person.supervisorId ?? '',
      workingDays: person.workingDays.join(','),
      revalidationDate: person.revalidationDate ?? '',
      knownSince: person.knownSince ?? '',
    });
  }

  async update(tenantId: string, aadObjectId: string, patch: PersonPatch, etag: string) {
    return this.mergeWithEtag(tenantId, aadObjectId, etag, toEntityPatch(patch));
  }

  private async mergeWithEtag(tenantId: string, aadObjectId: string, etag: string, fields: Partial<PersonEntity>): Promise<string> {
    try {
      const res = await this.client.updateEntity({ partitionKey: tenantId, rowKey: aadObjectId, ...fields }, 'Merge', { etag });
      return res.etag ?? '';
    } catch (err) {
      throw typedStorageError(err, 'Your profile');
    }
  }
}
