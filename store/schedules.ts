// What managers have recorded. PartitionKey = tenant id, RowKey = person id|kind: the prompt job
// reads the whole organisation's in one partition.
import { odata, type TableEntityResult } from '@azure/data-tables';
import type { SessionKind } from '../core/cadence';
import type { AgreedAction, RecordedSchedule } from '../core/sessions';
import { getEntity, listAll, TABLES, type Tables } from './tables';

interface ScheduleEntity {
  personId: string;
  kind: string;
  date: string;
  time: string;
  repeat: string;
  lastHeld: string;
  setBy: string;
  updatedAt: string;
  /** JSON { date, actions }: what was agreed at the latest supervision held. */
  agreed?: string;
}

export interface ScheduleStore {
  get(tenantId: string, personId: string, kind: SessionKind): Promise<RecordedSchedule | undefined>;
  list(tenantId: string): Promise<RecordedSchedule[]>;
  save(schedule: RecordedSchedule): Promise<void>;
  /** Records that a session took place, if later than the last one recorded. */
  recordHeld(tenantId: string, personId: string, kind: SessionKind, date: string): Promise<void>;
  /** Keeps what was agreed at a supervision held on `date`, if it is the latest with something agreed. */
  recordAgreed(tenantId: string, personId: string, date: string, actions: AgreedAction[]): Promise<void>;
}

const key = (personId: string, kind: string) => `${personId}|${kind}`;

function toSchedule(e: TableEntityResult<ScheduleEntity>): RecordedSchedule {
  return {
    tenantId: e.partitionKey!, personId: e.personId, kind: e.kind as SessionKind, date: e.date, time: e.time || null,
    repeat: e.repeat as RecordedSchedule['repeat'], lastHeld: e.lastHeld || null, setBy: e.setBy, updatedAt: e.updatedAt,
    agreed: e.agreed ? (JSON.parse(e.agreed) as RecordedSchedule['agreed']) : null,
  };
}

export class TableScheduleStore implements ScheduleStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.schedules);
  }

  async get(tenantId: string, personId: string, kind: SessionKind) {
    const e = await getEntity<ScheduleEntity>(this.client, tenantId, key(personId, kind));
    return e && toSchedule(e);
  }

  async list(tenantId: string) {
    return (await listAll<ScheduleEntity>(this.client, odata`PartitionKey eq ${tenantId}`)).map(toSchedule);
  }

  async save(s: RecordedSchedule) {
    await this.client.upsertEntity<ScheduleEntity>({
      partitionKey: s.tenantId, rowKey: key(s.personId, s.kind), personId: s.personId, kind: s.kind, date: s.date,
      time: s.time ?? '', repeat: s.repeat, lastHeld: s.lastHeld ?? '', setBy: s.setBy, updatedAt: s.updatedAt,
    }, 'Merge'); // Merge: a new recording keeps what was agreed at the last supervision
  }

  async recordHeld(tenantId: string, personId: string, kind: SessionKind, date: string) {
    const existing = await this.get(tenantId, personId, kind);
    if (existing && existing.lastHeld && existing.lastHeld >= date) return;
    // Merge: a one-off recording stays as it was; only lastHeld moves.
    await this.client.upsertEntity({ partitionKey: tenantId, rowKey: key(personId, kind), personId, kind, lastHeld: date, ...(existing ? {} : { date, time: '', repeat: 'none', setBy: '', updatedAt: '' }) }, 'Merge');
  }

  async recordAgreed(tenantId: string, personId: string, date: string, actions: AgreedAction[]) {
    const existing = await this.get(tenantId, personId, 'supervision');
    if (existing?.agreed && existing.agreed.date > date) return;
    await this.client.upsertEntity({
      partitionKey: tenantId, rowKey: key(personId, 'supervision'), personId, kind: 'supervision', agreed: JSON.stringify({ date, actions }),
      ...(existing ? {} : { date, time: '', repeat: 'none', lastHeld: '', setBy: '', updatedAt: '' }),
    }, 'Merge');
  }
}
