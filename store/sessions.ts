// Sessions Weave prepares people for. PartitionKey = tenant id, RowKey = date|person id|kind: the
// prompt job reads the coming weeks as one RowKey range, and a session's key never changes (a
// moved session is a new one).
import { odata, type TableEntityResult } from '@azure/data-tables';
import type { SessionKind } from '../core/cadence';
import { sessionKey, type Session } from '../core/sessions';
import { createIfAbsent, getEntity, listAll, TABLES, typedStorageError, type Tables } from './tables';

export type StoredSession = Session & { key: string; etag: string };

interface SessionEntity {
  personId: string;
  kind: string;
  date: string;
  time: string;
  source: string;
  supervisorId: string;
  status: string;
  movedTo: string;
  promptCardId: string;
  promptSentAt: string;
  remindedAt: string;
  answeredAt: string;
  answers: string;
  snoozes: string;
  snoozedUntil: string;
  summarySentAt: string;
  originKey: string;
  afterCardId: string;
  afterSentAt: string;
  afterRemindedAt: string;
  /** What the supervisor said happened: JSON of SessionOutcome; seen by the person and their supervisor only. */
  outcome: string;
  cpdRecordId: string;
}

export type SessionPatch = Partial<Omit<Session, 'tenantId' | 'personId' | 'kind' | 'date'>>;

export interface SessionStore {
  /** Creates the session if it is not there yet; answers the stored one either way, and whether this call made it. */
  ensure(session: Session): Promise<StoredSession & { created?: boolean }>;
  get(tenantId: string, key: string): Promise<StoredSession | undefined>;
  /** Sessions dated from `from` to `to`, inclusive. */
  listBetween(tenantId: string, from: string, to: string): Promise<StoredSession[]>;
  /** Appraisals held between the dates (inclusive) that the person prepared for: the benchmark's self-ratings are in their answers. */
  listAnsweredAppraisals(tenantId: string, from: string, to: string): Promise<StoredSession[]>;
  /** One person's sessions dated from `from` to `to`, inclusive. */
  listForPerson(tenantId: string, personId: string, from: string, to: string): Promise<StoredSession[]>;
  /** Changes a session only if nobody has since `session.etag`; throws ConcurrencyError otherwise. */
  update(session: StoredSession, patch: SessionPatch): Promise<StoredSession>;
}

function toEntity(s: Session): SessionEntity {
  return {
    personId: s.personId, kind: s.kind, date: s.date, time: s.time ?? '', source: s.source, supervisorId: s.supervisorId ?? '',
    status: s.status, movedTo: s.movedTo ?? '', promptCardId: s.promptCardId ?? '', promptSentAt: s.promptSentAt ?? '',
    remindedAt: s.remindedAt ?? '', answeredAt: s.answeredAt ?? '', answers: s.answers ? JSON.stringify(s.answers) : '',
    snoozes: JSON.stringify(s.snoozes), snoozedUntil: s.snoozedUntil ?? '', summarySentAt: s.summarySentAt ?? '', originKey: s.originKey ?? '',
    afterCardId: s.afterCardId ?? '', afterSentAt: s.afterSentAt ?? '', afterRemindedAt: s.afterRemindedAt ?? '',
    outcome: s.outcome ? JSON.stringify(s.outcome) : '', cpdRecordId: s.cpdRecordId ?? '',
  };
}

function toSession(e: TableEntityResult<SessionEntity>): StoredSession {
  const session: Session = {
    tenantId: e.partitionKey!, personId: e.personId, kind: e.kind as SessionKind, date: e.date, time: e.time || null,
    source: e.source as Session['source'], supervisorId: e.supervisorId || null, status: e.status as Session['status'],
    movedTo: e.movedTo || null, promptCardId: e.promptCardId || null, promptSentAt: e.promptSentAt || null,
    remindedAt: e.remindedAt || null, answeredAt: e.answeredAt || null,
    answers: e.answers ? (JSON.parse(e.answers) as Record<string, string>) : null,
    snoozes: e.snoozes ? (JSON.parse(e.snoozes) as Session['snoozes']) : [], snoozedUntil: e.snoozedUntil || null,
    summarySentAt: e.summarySentAt || null, originKey: e.originKey || null,
    afterCardId: e.afterCardId || null, afterSentAt: e.afterSentAt || null, afterRemindedAt: e.afterRemindedAt || null,
    outcome: e.outcome ? (JSON.parse(e.outcome) as Session['outcome']) : null, cpdRecordId: e.cpdRecordId || null,
  };
  return { ...session, key: e.rowKey!, etag: e.etag };
}

export class TableSessionStore implements SessionStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.sessions);
  }

  async ensure(session: Session) {
    const key = sessionKey(session);
    const created = await createIfAbsent<SessionEntity>(this.client, { partitionKey: session.tenantId, rowKey: key, ...toEntity(session) });
    return { ...(await this.get(session.tenantId, key))!, created };
  }

  async get(tenantId: string, key: string) {
    const e = await getEntity<SessionEntity>(this.client, tenantId, key);
    return e && toSession(e);
  }

  async listBetween(tenantId: string, from: string, to: string) {
    const rows = await listAll<SessionEntity>(this.client, odata`PartitionKey eq ${tenantId} and RowKey ge ${from} and RowKey lt ${`${to}|~`}`);
    return rows.map(toSession);
  }

  async listAnsweredAppraisals(tenantId: string, from: string, to: string) {
    const rows = await listAll<SessionEntity>(this.client, odata`PartitionKey eq ${tenantId} and RowKey ge ${from} and RowKey lt ${`${to}|~`} and kind eq ${'appraisal'} and answeredAt ne ${''}`);
    return rows.map(toSession);
  }

  async listForPerson(tenantId: string, personId: string, from: string, to: string) {
    const rows = await listAll<SessionEntity>(this.client, odata`PartitionKey eq ${tenantId} and RowKey ge ${from} and RowKey lt ${`${to}|~`} and personId eq ${personId}`);
    return rows.map(toSession);
  }

  async update(session: StoredSession, patch: SessionPatch) {
    const next: Session = { ...session, ...patch };
    try {
      const res = await this.client.updateEntity({ partitionKey: session.tenantId, rowKey: session.key, ...toEntity(next) }, 'Replace', { etag: session.etag });
      return { ...next, key: session.key, etag: res.etag ?? session.etag };
    } catch (err) {
      throw typedStorageError(err, 'This session');
    }
  }
}
