// The integration pulse, in two tables that never meet.
// `pulseresponses`: PartitionKey = tenant id|quarter, RowKey = a random id. Each answer with its
// quarter, team, service and profession — no person, no card, no time of ours (Table Storage's own
// Timestamp is unavoidable: docs/security.md). The key is random, so the order rows are listed in
// says nothing about the order people answered in.
// `pulsepeople`: PartitionKey = tenant id|quarter, RowKey = person id. Who was sent the quarter's
// card and when, their one reminder, "not now", and the marker that they answered — never what.
// One quarter's sends are one partition.
import { odata } from '@azure/data-tables';
import type { IsoDate } from '../core/calendar';
import type { AgreeAnswer, PulseResponse, Quarter } from '../core/pulse';
import { createIfAbsent, getEntity, listAll, safeKey, stored, TABLES, type Tables } from './tables';

export interface PulsePerson {
  tenantId: string;
  quarter: Quarter;
  personId: string;
  /** The card the quarter's send issued (null: none sent yet; they may have answered through `pulse`). */
  cardId: string | null;
  sentOn: IsoDate | null;
  remindedOn: IsoDate | null;
  notNow: boolean;
  /** The marker: they answered this quarter. Nothing says what, or when. */
  answered: boolean;
}
export type StoredPulsePerson = PulsePerson & { etag: string };

export interface PulseStore {
  person(tenantId: string, quarter: Quarter, personId: string): Promise<StoredPulsePerson | undefined>;
  people(tenantId: string, quarter: Quarter): Promise<StoredPulsePerson[]>;
  /** Writes a person's row over the version `seen` (null: only if there is none). ConcurrencyError otherwise. */
  savePerson(row: PulsePerson, seen: StoredPulsePerson | null): Promise<StoredPulsePerson>;
  /** Stores an answer under a random id; nothing in it names who gave it. */
  addResponse(tenantId: string, id: string, response: PulseResponse): Promise<void>;
  responses(tenantId: string, quarters: readonly Quarter[]): Promise<PulseResponse[]>;
}

interface PersonEntity {
  personId: string;
  cardId: string;
  sentOn: string;
  remindedOn: string;
  notNow: boolean;
  answered: boolean;
}

interface ResponseEntity {
  team: string;
  service: string;
  profession: string;
  understand: number;
  contact: number;
  valued: number;
  learned: boolean;
}

const partition = (tenantId: string, quarter: Quarter) => `${tenantId}|${quarter}`;

const answer = (n: number): AgreeAnswer => (n >= 1 && n <= 5 ? (Math.round(n) as AgreeAnswer) : 3);

export class TablePulseStore implements PulseStore {
  constructor(private readonly tables: Tables) {}

  private get peopleClient() {
    return this.tables.client(TABLES.pulsePeople);
  }

  private get responseClient() {
    return this.tables.client(TABLES.pulseResponses);
  }

  private toPerson(tenantId: string, quarter: Quarter, personId: string, e: PersonEntity & { etag: string }): StoredPulsePerson {
    return {
      tenantId, quarter, personId, cardId: e.cardId || null, sentOn: e.sentOn || null, remindedOn: e.remindedOn || null,
      notNow: e.notNow === true, answered: e.answered === true, etag: e.etag,
    };
  }

  async person(tenantId: string, quarter: Quarter, personId: string) {
    const e = await getEntity<PersonEntity>(this.peopleClient, partition(tenantId, quarter), safeKey(personId));
    return e && this.toPerson(tenantId, quarter, personId, e);
  }

  async people(tenantId: string, quarter: Quarter) {
    const rows = await listAll<PersonEntity>(this.peopleClient, odata`PartitionKey eq ${partition(tenantId, quarter)}`);
    return rows.map((e) => this.toPerson(tenantId, quarter, e.personId, e));
  }

  async savePerson(row: PulsePerson, seen: StoredPulsePerson | null) {
    const entity = {
      partitionKey: partition(row.tenantId, row.quarter), rowKey: safeKey(row.personId), personId: row.personId,
      cardId: row.cardId ?? '', sentOn: row.sentOn ?? '', remindedOn: row.remindedOn ?? '', notNow: row.notNow, answered: row.answered,
    };
    const res = await stored("a person's pulse row", () => (seen ? this.peopleClient.updateEntity(entity, 'Replace', { etag: seen.etag }) : this.peopleClient.createEntity(entity)));
    return { ...row, etag: res.etag ?? '' };
  }

  async addResponse(tenantId: string, id: string, r: PulseResponse) {
    const created = await createIfAbsent<ResponseEntity>(this.responseClient, {
      partitionKey: partition(tenantId, r.quarter), rowKey: id,
      team: r.team, service: r.service, profession: r.profession, understand: r.understand, contact: r.contact, valued: r.valued, learned: r.learned,
    });
    if (!created) throw new Error('a pulse response id was used twice');
  }

  async responses(tenantId: string, quarters: readonly Quarter[]) {
    const select = ['team', 'service', 'profession', 'understand', 'contact', 'valued', 'learned'];
    const pages = await Promise.all(quarters.map(async (quarter) => {
      const rows = await listAll<ResponseEntity>(this.responseClient, odata`PartitionKey eq ${partition(tenantId, quarter)}`, select);
      return rows.map((e): PulseResponse => ({
        quarter, team: e.team, service: e.service, profession: e.profession,
        understand: answer(e.understand), contact: answer(e.contact), valued: answer(e.valued), learned: e.learned === true,
      }));
    }));
    return pages.flat();
  }
}
