// Mentoring offers, requests and matches. All three are one partition per organisation (PartitionKey
// = tenant id), so a matching run reads each in one query:
// - `mentors`: RowKey = person id (one offer each, edited in place);
// - `mentorrequests`: RowKey = person id|request id (one person's requests are a range);
// - `mentormatches`: RowKey = match id, derived from the request and mentor, so a retried run
//   cannot propose the same pair twice; the row `lock|matching` keeps runs from overlapping.
import { odata, type TableEntityResult } from '@azure/data-tables';
import type { MentorMatch, MentorOffer, MentorRequest } from '../core/mentoring';
import { createIfAbsent, getEntity, listAll, TABLES, typedStorageError, unlessGone, unlessRaced, type Tables } from './tables';

export type Stored<T> = T & { etag: string };

export interface MentoringStore {
  getOffer(tenantId: string, personId: string): Promise<Stored<MentorOffer> | undefined>;
  saveOffer(offer: MentorOffer): Promise<void>;
  removeOffer(tenantId: string, personId: string): Promise<void>;
  listOffers(tenantId: string): Promise<MentorOffer[]>;

  saveRequest(request: MentorRequest): Promise<void>;
  getRequest(tenantId: string, personId: string, requestId: string): Promise<Stored<MentorRequest> | undefined>;
  /** Changes a request only if nobody has since its etag (ConcurrencyError otherwise). */
  updateRequest(request: Stored<MentorRequest>, patch: Partial<MentorRequest>): Promise<Stored<MentorRequest>>;
  listRequestsFor(tenantId: string, personId: string): Promise<Stored<MentorRequest>[]>;
  listRequests(tenantId: string): Promise<Stored<MentorRequest>[]>;

  /** Records a proposed match; false if this pair was already proposed from this request. */
  createMatch(match: MentorMatch): Promise<boolean>;
  getMatch(tenantId: string, matchId: string): Promise<Stored<MentorMatch> | undefined>;
  updateMatch(match: Stored<MentorMatch>, patch: Partial<MentorMatch>): Promise<Stored<MentorMatch>>;
  listMatches(tenantId: string): Promise<Stored<MentorMatch>[]>;
  /** Matches with this person on either side. */
  listMatchesFor(tenantId: string, personId: string): Promise<Stored<MentorMatch>[]>;

  /** Holds the organisation's matching run for `seconds`; false if another run holds it. */
  lockMatching(tenantId: string, holder: string, now: Date, seconds: number): Promise<boolean>;
  /** Extends a lock this holder still has; false if it ran out and someone else took it. */
  renewMatching(tenantId: string, holder: string, now: Date, seconds: number): Promise<boolean>;
  unlockMatching(tenantId: string, holder: string): Promise<void>;
}

const list = (s: string) => (s ? s.split(';') : []);
const LOCK = 'lock|matching';

interface OfferEntity {
  strengths: string; strengthsText: string; kinds: string; capacity: number; availability: string; locality: string; pausedUntil: string; updatedAt: string;
}
interface RequestEntity {
  personId: string; requestId: string; needIds: string; codes: string; kind: string; preferProfession: string; locality: string;
  availability: string; status: string; notYet: string; createdAt: string; updatedAt: string;
}
interface MatchEntity {
  requestId: string; mentorId: string; menteeId: string; kind: string; codes: string; score: number; reasons: string; sameProfession: boolean;
  status: string; mentorAnswer: string; menteeAnswer: string; declinedBy: string; declineReason: string; proposedAt: string; remindedAt: string;
  introducedAt: string; checkIns: string; updatedAt: string;
}

const offerEntity = (o: MentorOffer): OfferEntity => ({
  strengths: o.strengths.join(';'), strengthsText: o.strengthsText, kinds: o.kinds.join(';'), capacity: o.capacity,
  availability: o.availability.join(';'), locality: o.locality, pausedUntil: o.pausedUntil ?? '', updatedAt: o.updatedAt,
});
const toOffer = (e: TableEntityResult<OfferEntity>): Stored<MentorOffer> => ({
  tenantId: e.partitionKey!, personId: e.rowKey!, strengths: list(e.strengths), strengthsText: e.strengthsText, kinds: list(e.kinds) as MentorOffer['kinds'],
  capacity: e.capacity, availability: list(e.availability) as MentorOffer['availability'], locality: e.locality, pausedUntil: e.pausedUntil || null,
  updatedAt: e.updatedAt, etag: e.etag,
});

const requestEntity = (r: MentorRequest): RequestEntity => ({
  personId: r.personId, requestId: r.requestId, needIds: r.needIds.join(';'), codes: r.codes.join(';'), kind: r.kind, preferProfession: r.preferProfession ?? '',
  locality: r.locality ?? '', availability: r.availability.join(';'), status: r.status, notYet: r.notYet ?? '', createdAt: r.createdAt, updatedAt: r.updatedAt,
});
const toRequest = (e: TableEntityResult<RequestEntity>): Stored<MentorRequest> => ({
  tenantId: e.partitionKey!, personId: e.personId, requestId: e.requestId, needIds: list(e.needIds), codes: list(e.codes), kind: e.kind as MentorRequest['kind'],
  preferProfession: (e.preferProfession || null) as MentorRequest['preferProfession'], locality: e.locality || null,
  availability: list(e.availability) as MentorRequest['availability'], status: e.status as MentorRequest['status'], notYet: e.notYet || null,
  createdAt: e.createdAt, updatedAt: e.updatedAt, etag: e.etag,
});

const matchEntity = (m: MentorMatch): MatchEntity => ({
  requestId: m.requestId, mentorId: m.mentorId, menteeId: m.menteeId, kind: m.kind, codes: m.codes.join(';'), score: m.score, reasons: JSON.stringify(m.reasons),
  sameProfession: m.sameProfession, status: m.status, mentorAnswer: m.mentorAnswer ?? '', menteeAnswer: m.menteeAnswer ?? '', declinedBy: m.declinedBy ?? '',
  declineReason: m.declineReason, proposedAt: m.proposedAt, remindedAt: m.remindedAt ?? '', introducedAt: m.introducedAt ?? '', checkIns: JSON.stringify(m.checkIns),
  updatedAt: m.updatedAt,
});
const toMatch = (e: TableEntityResult<MatchEntity>): Stored<MentorMatch> => ({
  tenantId: e.partitionKey!, matchId: e.rowKey!, requestId: e.requestId, mentorId: e.mentorId, menteeId: e.menteeId, kind: e.kind as MentorMatch['kind'],
  codes: list(e.codes), score: e.score, reasons: JSON.parse(e.reasons) as string[], sameProfession: e.sameProfession, status: e.status as MentorMatch['status'],
  mentorAnswer: (e.mentorAnswer || null) as MentorMatch['mentorAnswer'], menteeAnswer: (e.menteeAnswer || null) as MentorMatch['menteeAnswer'],
  declinedBy: e.declinedBy || null, declineReason: e.declineReason, proposedAt: e.proposedAt, remindedAt: e.remindedAt || null,
  introducedAt: e.introducedAt || null, checkIns: JSON.parse(e.checkIns) as MentorMatch['checkIns'], updatedAt: e.updatedAt, etag: e.etag,
});

export class TableMentoringStore implements MentoringStore {
  constructor(private readonly tables: Tables) {}

  private get offers() {
    return this.tables.client(TABLES.mentors);
  }

  private get requests() {
    return this.tables.client(TABLES.mentorRequests);
  }

  private get matches() {
    return this.tables.client(TABLES.mentorMatches);
  }

  async getOffer(tenantId: string, personId: string) {
    const e = await getEntity<OfferEntity>(this.offers, tenantId, personId);
    return e && toOffer(e);
  }

  async saveOffer(o: MentorOffer) {
    await this.offers.upsertEntity({ partitionKey: o.tenantId, rowKey: o.personId, ...offerEntity(o) }, 'Replace');
  }

  async removeOffer(tenantId: string, personId: string) {
    await unlessGone('This mentoring offer', () => this.offers.deleteEntity(tenantId, personId));
  }

  async listOffers(tenantId: string) {
    return (await listAll<OfferEntity>(this.offers, odata`PartitionKey eq ${tenantId}`)).map(toOffer);
  }

  async saveRequest(r: MentorRequest) {
    await this.requests.upsertEntity({ partitionKey: r.tenantId, rowKey: `${r.personId}|${r.requestId}`, ...requestEntity(r) }, 'Replace');
  }

  async getRequest(tenantId: string, personId: string, requestId: string) {
    const e = await getEntity<RequestEntity>(this.requests, tenantId, `${personId}|${requestId}`);
    return e && toRequest(e);
  }

  async updateRequest(request: Stored<MentorRequest>, patch: Partial<MentorRequest>) {
    const next = { ...request, ...patch };
    try {
      const res = await this.requests.updateEntity({ partitionKey: request.tenantId, rowKey: `${request.personId}|${request.requestId}`, ...requestEntity(next) }, 'Replace', { etag: request.etag });
      return { ...next, etag: res.etag ?? request.etag };
    } catch (err) {
      throw typedStorageError(err, 'This request');
    }
  }

  async listRequestsFor(tenantId: string, personId: string) {
    return (await listAll<RequestEntity>(this.requests, odata`PartitionKey eq ${tenantId} and RowKey ge ${`${personId}|`} and RowKey lt ${`${personId}|~`}`)).map(toRequest);
  }

  async listRequests(tenantId: string) {
    return (await listAll<RequestEntity>(this.requests, odata`PartitionKey eq ${tenantId}`)).map(toRequest);
  }

  async createMatch(m: MentorMatch) {
    return createIfAbsent(this.matches, { partitionKey: m.tenantId, rowKey: m.matchId, ...matchEntity(m) });
  }

  async getMatch(tenantId: string, matchId: string) {
    const e = await getEntity<MatchEntity>(this.matches, tenantId, matchId);
    return e && toMatch(e);
  }

  async updateMatch(match: Stored<MentorMatch>, patch: Partial<MentorMatch>) {
    const next = { ...match, ...patch };
    try {
      const res = await this.matches.updateEntity({ partitionKey: match.tenantId, rowKey: match.matchId, ...matchEntity(next) }, 'Replace', { etag: match.etag });
      return { ...next, etag: res.etag ?? match.etag };
    } catch (err) {
      throw typedStorageError(err, 'This match');
    }
  }

  async listMatches(tenantId: string) {
    const rows = await listAll<MatchEntity>(this.matches, odata`PartitionKey eq ${tenantId} and RowKey ne ${LOCK}`);
    return rows.map(toMatch);
  }

  async listMatchesFor(tenantId: string, personId: string) {
    const rows = await listAll<MatchEntity>(this.matches, odata`PartitionKey eq ${tenantId} and (mentorId eq ${personId} or menteeId eq ${personId})`);
    return rows.map(toMatch);
  }

  async lockMatching(tenantId: string, holder: string, now: Date, seconds: number) {
    const until = new Date(now.getTime() + seconds * 1000).toISOString();
    if (await createIfAbsent(this.matches, { partitionKey: tenantId, rowKey: LOCK, holder, until })) return true;
    const current = await getEntity<{ holder: string; until: string }>(this.matches, tenantId, LOCK);
    if (!current || current.until > now.toISOString()) return false;
    return unlessRaced('The matching lock', () => this.matches.updateEntity({ partitionKey: tenantId, rowKey: LOCK, holder, until }, 'Replace', { etag: current.etag }));
  }

  async renewMatching(tenantId: string, holder: string, now: Date, seconds: number) {
    const current = await getEntity<{ holder: string; until: string }>(this.matches, tenantId, LOCK);
    if (!current || current.holder !== holder) return false;
    return unlessRaced('The matching lock', () => this.matches.updateEntity({ partitionKey: tenantId, rowKey: LOCK, holder, until: new Date(now.getTime() + seconds * 1000).toISOString() }, 'Replace', { etag: current.etag }));
  }

  async unlockMatching(tenantId: string, holder: string) {
    const current = await getEntity<{ holder: string; until: string }>(this.matches, tenantId, LOCK);
    if (current?.holder === holder) await this.matches.updateEntity({ partitionKey: tenantId, rowKey: LOCK, holder: '', until: '' }, 'Replace', { etag: current.etag }).catch(() => undefined);
  }
}
