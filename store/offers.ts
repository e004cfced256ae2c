// Learning offers and their bookings.
// - `offers`: PartitionKey = tenant id, RowKey = offer id.
// - `bookings`: PartitionKey = offer id, RowKey = person id, plus the row `_places` counting the
//   places held. A place and the booking it goes to change together in one entity-group
//   transaction, with both rows' ETags: two people cannot take the last place, and no crash can
//   leave the count and the bookings disagreeing.
import { odata, type TableEntityResult } from '@azure/data-tables';
import type { TransactionAction } from '@azure/data-tables';
import { FIRST_COME, type Booking, type Offer, type Places } from '../core/offers';
import { createIfAbsent, getEntity, listAll, TABLES, typedStorageError, type Tables } from './tables';

export type Stored<T> = T & { etag: string };

export interface OfferStore {
  save(offer: Offer): Promise<void>;
  get(tenantId: string, offerId: string): Promise<Stored<Offer> | undefined>;
  /** Changes an offer only if nobody has since its etag (ConcurrencyError otherwise). */
  update(offer: Stored<Offer>, patch: Partial<Offer>): Promise<Stored<Offer>>;
  list(tenantId: string): Promise<Stored<Offer>[]>;
  /** Creates or replaces a draft; with an etag, only if nobody has changed it since (ConcurrencyError otherwise). Answers the new etag. */
  saveDraft(offer: Offer, etag: string | null): Promise<string>;
  /** Opens an offer's places as it is sent (once: a second call leaves them). */
  openPlaces(offerId: string, capacity: number): Promise<void>;
  getPlaces(offerId: string): Promise<Stored<Places> | undefined>;
  getBooking(offerId: string, personId: string): Promise<Stored<Booking> | undefined>;
  /**
   * Writes a booking (new, or replacing `existing` if unchanged since read) and, with `places`,
   * moves the places count by `delta` in the same transaction. ConcurrencyError if either row changed.
   */
  writeBooking(next: Booking, existing: Stored<Booking> | null, places?: { row: Stored<Places>; delta: number }): Promise<void>;
  listBookings(offerId: string): Promise<Stored<Booking>[]>;
}

interface OfferEntity {
  title: string; description: string; format: string; date: string; time: string; durationMinutes: number; location: string; onlineUrl: string;
  capacity: number; codes: string; cpdHours: number; closesOn: string; audience: string; status: string; sendAt: string;
  createdBy: string; createdAt: string; sentAt: string; reportedAt: string; audienceSize: number; fannedOutAt: string; fanOutSeenAt: string;
  commissionLine?: string;
  trigger?: string;
  allocation?: string;
}

const toEntity = (o: Offer): OfferEntity => ({
  title: o.title, description: o.description, format: o.format, date: o.date, time: o.time, durationMinutes: o.durationMinutes, location: o.location,
  onlineUrl: o.onlineUrl, capacity: o.capacity, codes: o.codes.join(';'), cpdHours: o.cpdHours, closesOn: o.closesOn, audience: JSON.stringify(o.audience),
  status: o.status, sendAt: o.sendAt ?? '', createdBy: o.createdBy, createdAt: o.createdAt, sentAt: o.sentAt ?? '', reportedAt: o.reportedAt ?? '',
  audienceSize: o.audienceSize, fannedOutAt: o.fannedOutAt ?? '', fanOutSeenAt: o.fanOutSeenAt ?? '', commissionLine: o.commissionLine ? JSON.stringify(o.commissionLine) : '', trigger: o.trigger ?? '',
  allocation: JSON.stringify(o.allocation),
});

const toOffer = (e: TableEntityResult<OfferEntity>): Stored<Offer> => ({
  tenantId: e.partitionKey!, offerId: e.rowKey!, title: e.title, description: e.description, format: e.format as Offer['format'], date: e.date, time: e.time,
  durationMinutes: e.durationMinutes, location: e.location, onlineUrl: e.onlineUrl, capacity: e.capacity, codes: e.codes ? e.codes.split(';') : [],
  cpdHours: e.cpdHours, closesOn: e.closesOn, audience: JSON.parse(e.audience) as Offer['audience'], status: e.status as Offer['status'],
  sendAt: e.sendAt || null, createdBy: e.createdBy, createdAt: e.createdAt, sentAt: e.sentAt || null, reportedAt: e.reportedAt || null,
  audienceSize: e.audienceSize ?? 0, fannedOutAt: e.fannedOutAt || null, fanOutSeenAt: e.fanOutSeenAt || null,
  commissionLine: e.commissionLine ? (JSON.parse(e.commissionLine) as Offer['commissionLine']) : null, trigger: e.trigger || null,
  allocation: e.allocation ? (JSON.parse(e.allocation) as Offer['allocation']) : FIRST_COME, etag: e.etag,
});

interface BookingEntity {
  tenantId: string; status: string; priority: number; askedAt: string; offeredUntil: string; updatedAt: string; reason?: string;
  groups?: string; heldFor?: string; evaluation?: string;
}

const toBooking = (e: TableEntityResult<BookingEntity>): Stored<Booking> => ({
  tenantId: e.tenantId, offerId: e.partitionKey!, personId: e.rowKey!, status: e.status as Booking['status'], priority: e.priority, askedAt: e.askedAt,
  offeredUntil: e.offeredUntil || null, updatedAt: e.updatedAt, reason: (e.reason || null) as Booking['reason'],
  groups: e.groups ? (JSON.parse(e.groups) as string[]) : [], heldFor: e.heldFor || null,
  evaluation: e.evaluation ? (JSON.parse(e.evaluation) as Booking['evaluation']) : null, etag: e.etag,
});

/** The row in an offer's bookings partition that counts its places. */
const PLACES = '_places';

function conflict(err: unknown, what: string): never {
  throw typedStorageError(err, what);
}

export class TableOfferStore implements OfferStore {
  constructor(private readonly tables: Tables) {}

  private get offers() {
    return this.tables.client(TABLES.offers);
  }

  private get bookings() {
    return this.tables.client(TABLES.bookings);
  }

  async save(o: Offer) {
    await this.offers.upsertEntity({ partitionKey: o.tenantId, rowKey: o.offerId, ...toEntity(o) }, 'Replace');
  }

  async get(tenantId: string, offerId: string) {
    const e = await getEntity<OfferEntity>(this.offers, tenantId, offerId);
    return e && toOffer(e);
  }

  async update(offer: Stored<Offer>, patch: Partial<Offer>) {
    const next = { ...offer, ...patch };
    try {
      const res = await this.offers.updateEntity({ partitionKey: offer.tenantId, rowKey: offer.offerId, ...toEntity(next) }, 'Replace', { etag: offer.etag });
      return { ...next, etag: res.etag ?? offer.etag };
    } catch (err) {
      return conflict(err, 'This offer');
    }
  }

  async list(tenantId: string) {
    return (await listAll<OfferEntity>(this.offers, odata`PartitionKey eq ${tenantId}`)).map(toOffer);
  }

  async saveDraft(o: Offer, etag: string | null) {
    try {
      const entity = { partitionKey: o.tenantId, rowKey: o.offerId, ...toEntity(o) };
      const res = etag ? await this.offers.updateEntity(entity, 'Replace', { etag }) : await this.offers.createEntity(entity);
      return res.etag ?? '';
    } catch (err) {
      return conflict(err, 'This offer');
    }
  }

  async openPlaces(offerId: string, capacity: number) {
    await createIfAbsent(this.bookings, { partitionKey: offerId, rowKey: PLACES, capacity, taken: 0 });
  }

  async getPlaces(offerId: string) {
    const e = await getEntity<{ capacity: number; taken: number }>(this.bookings, offerId, PLACES);
    return e && { offerId, capacity: e.capacity, taken: e.taken, etag: e.etag };
  }

  async getBooking(offerId: string, personId: string) {
    const e = await getEntity<BookingEntity>(this.bookings, offerId, personId);
    return e && toBooking(e);
  }

  async writeBooking(next: Booking, existing: Stored<Booking> | null, places?: { row: Stored<Places>; delta: number }) {
    const entity = {
      partitionKey: next.offerId, rowKey: next.personId, tenantId: next.tenantId, status: next.status, priority: next.priority, askedAt: next.askedAt,
      offeredUntil: next.offeredUntil ?? '', updatedAt: next.updatedAt, reason: next.status === 'declined' ? next.reason ?? '' : '',
      groups: next.groups?.length ? JSON.stringify(next.groups) : '', heldFor: next.heldFor ?? '',
      evaluation: next.status === 'attended' && next.evaluation ? JSON.stringify(next.evaluation) : '',
    };
    const actions: TransactionAction[] = [existing ? ['update', entity, 'Replace', { etag: existing.etag }] : ['create', entity]];
    if (places) {
      actions.push(['update', { partitionKey: next.offerId, rowKey: PLACES, capacity: places.row.capacity, taken: places.row.taken + places.delta }, 'Replace', { etag: places.row.etag }]);
    }
    try {
      await this.bookings.submitTransaction(actions);
    } catch (err) {
      throw typedStorageError(err, 'This booking');
    }
  }

  async listBookings(offerId: string) {
    return (await listAll<BookingEntity>(this.bookings, odata`PartitionKey eq ${offerId} and RowKey ne ${PLACES}`)).map(toBooking);
  }
}
