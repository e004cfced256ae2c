// Learning offers and their bookings.
// - `offers`: PartitionKey = tenant id, RowKey = offer id. The row's `taken` count is the one place
//   capacity is decided: every change to it carries the row's ETag, so two people taking the last
//   place at once cannot both have it.
// - `bookings`: PartitionKey = offer id, RowKey = person id. An offer's bookings are one partition.
import { odata, type TableEntityResult } from '@azure/data-tables';
import type { Booking, Offer } from '../core/offers';
import { ConcurrencyError, createIfAbsent, getEntity, listAll, statusOf, TABLES, type Tables } from './tables';

export type Stored<T> = T & { etag: string };

export interface OfferStore {
  save(offer: Offer): Promise<void>;
  get(tenantId: string, offerId: string): Promise<Stored<Offer> | undefined>;
  /** Changes an offer only if nobody has since its etag (ConcurrencyError otherwise). */
  update(offer: Stored<Offer>, patch: Partial<Offer>): Promise<Stored<Offer>>;
  list(tenantId: string): Promise<Stored<Offer>[]>;
  getBooking(offerId: string, personId: string): Promise<Stored<Booking> | undefined>;
  /** False if this person already has a booking row for the offer. */
  createBooking(booking: Booking): Promise<boolean>;
  updateBooking(booking: Stored<Booking>, patch: Partial<Booking>): Promise<Stored<Booking>>;
  listBookings(offerId: string): Promise<Stored<Booking>[]>;
}

interface OfferEntity {
  title: string; description: string; format: string; date: string; time: string; durationMinutes: number; location: string; onlineUrl: string;
  capacity: number; codes: string; cpdHours: number; closesOn: string; audience: string; status: string; sendAt: string; taken: number;
  createdBy: string; createdAt: string; sentAt: string; reportedAt: string; audienceSize: number; fannedOutAt: string;
}

const toEntity = (o: Offer): OfferEntity => ({
  title: o.title, description: o.description, format: o.format, date: o.date, time: o.time, durationMinutes: o.durationMinutes, location: o.location,
  onlineUrl: o.onlineUrl, capacity: o.capacity, codes: o.codes.join(';'), cpdHours: o.cpdHours, closesOn: o.closesOn, audience: JSON.stringify(o.audience),
  status: o.status, sendAt: o.sendAt ?? '', taken: o.taken, createdBy: o.createdBy, createdAt: o.createdAt, sentAt: o.sentAt ?? '', reportedAt: o.reportedAt ?? '',
  audienceSize: o.audienceSize, fannedOutAt: o.fannedOutAt ?? '',
});

const toOffer = (e: TableEntityResult<OfferEntity>): Stored<Offer> => ({
  tenantId: e.partitionKey!, offerId: e.rowKey!, title: e.title, description: e.description, format: e.format as Offer['format'], date: e.date, time: e.time,
  durationMinutes: e.durationMinutes, location: e.location, onlineUrl: e.onlineUrl, capacity: e.capacity, codes: e.codes ? e.codes.split(';') : [],
  cpdHours: e.cpdHours, closesOn: e.closesOn, audience: JSON.parse(e.audience) as Offer['audience'], status: e.status as Offer['status'],
  sendAt: e.sendAt || null, taken: e.taken, createdBy: e.createdBy, createdAt: e.createdAt, sentAt: e.sentAt || null, reportedAt: e.reportedAt || null,
  audienceSize: e.audienceSize ?? 0, fannedOutAt: e.fannedOutAt || null, etag: e.etag,
});

interface BookingEntity {
  tenantId: string; status: string; priority: number; askedAt: string; offeredUntil: string; updatedAt: string;
}

const toBooking = (e: TableEntityResult<BookingEntity>): Stored<Booking> => ({
  tenantId: e.tenantId, offerId: e.partitionKey!, personId: e.rowKey!, status: e.status as Booking['status'], priority: e.priority, askedAt: e.askedAt,
  offeredUntil: e.offeredUntil || null, updatedAt: e.updatedAt, etag: e.etag,
});

function conflict(err: unknown, what: string): never {
  if (statusOf(err) === 412) throw new ConcurrencyError(what);
  throw err;
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

  async getBooking(offerId: string, personId: string) {
    const e = await getEntity<BookingEntity>(this.bookings, offerId, personId);
    return e && toBooking(e);
  }

  async createBooking(b: Booking) {
    return createIfAbsent<BookingEntity>(this.bookings, {
      partitionKey: b.offerId, rowKey: b.personId, tenantId: b.tenantId, status: b.status, priority: b.priority, askedAt: b.askedAt, offeredUntil: b.offeredUntil ?? '', updatedAt: b.updatedAt,
    });
  }

  async updateBooking(booking: Stored<Booking>, patch: Partial<Booking>) {
    const next = { ...booking, ...patch };
    try {
      const res = await this.bookings.updateEntity({
        partitionKey: booking.offerId, rowKey: booking.personId, tenantId: next.tenantId, status: next.status, priority: next.priority, askedAt: next.askedAt,
        offeredUntil: next.offeredUntil ?? '', updatedAt: next.updatedAt,
      }, 'Replace', { etag: booking.etag });
      return { ...next, etag: res.etag ?? booking.etag };
    } catch (err) {
      return conflict(err, 'This booking');
    }
  }

  async listBookings(offerId: string) {
    return (await listAll<BookingEntity>(this.bookings, odata`PartitionKey eq ${offerId}`)).map(toBooking);
  }
}
