// Learning offers Workforce Development has sent: a workshop three weeks ago that people booked
// and attended (attendance made CPD records, linked to the needs it meets) and said what it was
// worth; two coming up with places booked — a 7-minute briefing on the practice review
// (local/demo/triggers.ts) for the teams it concerns, and a study day on transitions; and a learning
// set whose places go by application, open now, with three held for staff without a registration. Written as the composer, the fan-out, bookings and
// Mark attendance leave them: the offer, its deliveries, its places and each booking.
import { offerBatch } from '../../app/offers/sending';
import { outboxCardId } from '../../app/messaging/outbox';
import { addWorkingDays, workingCalendar, workingDaysBefore, type IsoDate } from '../../core/calendar';
import type { CpdRecord } from '../../core/cpd';
import { deterministicId } from '../../core/ids';
import { isOpen, type LearningNeed } from '../../core/needs';
import type { ChangeAnswer } from '../../core/evaluation';
import { FIRST_COME, FORMAT_ACTIVITY, inAudience, type Booking, type BookingStatus, type Offer, type OfferAllocation } from '../../core/offers';
import type { Person } from '../../core/people';
import { zonedToInstant } from '../../core/zonedTime';
import type { Runtime } from '../../runtime/runtime';
import { staffId } from './personas';

interface OfferSeed {
  key: string;
  offer: Pick<Offer, 'title' | 'description' | 'format' | 'time' | 'durationMinutes' | 'location' | 'onlineUrl' | 'capacity' | 'codes' | 'cpdHours'> & { teams?: string[] };
  /** Working days from today: negative is past. */
  on: number;
  /** Roster rows, by what became of their booking. */
  bookings: Partial<Record<BookingStatus, number[]>>;
  /** How its places go (first come, if not said); working days before the day that it closes. */
  allocation?: Omit<OfferAllocation, 'reservations'> & { reserve?: { group: string; places: number } };
  closesBefore?: number;
  /** The learning trigger it is a briefing on. */
  trigger?: string;
  /** What attendees said it was worth, in the order they are listed as attended. */
  evaluations?: [number, ChangeAnswer, string][];
}

const OFFERS: OfferSeed[] = [
  {
    key: 'recording', on: -14,
    offer: {
      title: 'Chronologies and case records others can use', format: 'bite_size_workshop', time: '13:30', durationMinutes: 120, location: 'Civic Centre, Room 3', onlineUrl: '',
      description: 'What a chronology is for, recording analysis as well as events, and writing so that the child, the family and the next worker can follow it. For every profession, qualified or not.',
      capacity: 16, codes: ['CC3.S2', 'CC6.S1'], cpdHours: 2,
    },
    bookings: { attended: [13, 15, 16, 21, 23, 24, 33, 43, 53, 55, 62, 71], booked: [31], cancelled: [14] },
    evaluations: [
      [5, 'yes', 'Write the analysis, not only what happened'], [4, 'yes', ''], [4, 'maybe', ''], [5, 'yes', 'Start a chronology at the first contact'], [3, 'maybe', ''],
      [4, 'yes', ''], [4, 'no', ''], [5, 'yes', 'Read it back as the family would'], [4, 'yes', ''],
    ],
  },
  {
    key: 'briefing', on: 5,
    offer: {
      title: '7-minute briefing: what the practice review found', format: 'briefing', time: '12:30', durationMinutes: 30, location: '', onlineUrl: 'https://teams.microsoft.com/l/meetup-join/weave-demo',
      description: 'The local practice review found information shared late between schools, health and children’s social care. What it found, what changes, and who to call.',
      capacity: 40, codes: ['CC6.K2', 'CC5.S1'], cpdHours: 0.5, teams: ['MASH', 'Early Help 5-19', 'Education Inclusion'],
    },
    bookings: { booked: [20, 21, 22, 25, 30, 32, 35, 40, 42, 44, 45] },
    trigger: deterministicId('demo-trigger', 'practice-review'),
  },
  {
    // Places by application: allocated when applications close, need first; three held for staff without a registration.
    key: 'supervision-skills', on: 9, closesBefore: 5,
    offer: {
      title: 'Reflective supervision: getting the most from it', format: 'reflective_learning_set', time: '10:00', durationMinutes: 180, location: 'Fairfield Family Centre', onlineUrl: '',
      description: 'A learning set across professions on preparing for supervision, reflecting on practice and agreeing actions that stick. Places by application: people with a learning need in its areas first.',
      capacity: 10, codes: ['CC1.S3', 'CC2'], cpdHours: 3,
    },
    allocation: { mode: 'applications', allocatedAt: null, placed: null, reserve: { group: 'registration:unregistered', places: 3 } },
    bookings: { applied: [12, 13, 17, 18, 24, 26, 33, 36, 41, 47, 52, 56, 58, 63, 66], declined: [19, 27] },
  },
  {
    key: 'transitions', on: 12,
    offer: {
      title: 'Transitions: moving school, moving home, moving on', format: 'team_study_day', time: '09:30', durationMinutes: 360, location: 'Fairfield Family Centre', onlineUrl: '',
      description: 'A study day across services: spotting transitions early, supporting children through them, and handing over well between services.',
      capacity: 20, codes: ['CC4'], cpdHours: 5,
    },
    bookings: { booked: [31, 33, 34, 54, 61, 41, 51, 16, 64, 14, 63] },
  },
];

export interface DemoOffers {
  offers: Offer[];
  bookings: Booking[];
  /** Who each offer went to: one delivery each, sent. */
  audiences: Map<string, string[]>;
  /** Attendance as Mark attendance records it. */
  attendance: CpdRecord[];
}

const areaOf = (code: string) => code.split('.')[0]!;

/** The offers as of `today`; attendance links the attendees' open needs in the offer's areas (the caller moves them to in progress). */
export function demoOffers(people: readonly Person[], needs: readonly LearningNeed[], today: IsoDate, zone: string): DemoOffers {
  const at = (date: IsoDate, time: string) => zonedToInstant(`${date}T${time}`, zone).toISOString();
  const calendar = workingCalendar();
  const result: DemoOffers = { offers: [], bookings: [], audiences: new Map(), attendance: [] };
  const tenantId = people[0]!.tenantId;
  for (const seed of OFFERS) {
    const date = seed.on >= 0 ? addWorkingDays(today, seed.on, calendar) : workingDaysBefore(today, -seed.on, calendar);
    const sentOn = workingDaysBefore(date, 15, calendar);
    const { teams, ...content } = seed.offer;
    const closesOn = workingDaysBefore(date, seed.closesBefore ?? 2, calendar);
    const { reserve, ...allocation } = seed.allocation ?? { ...FIRST_COME };
    const offer: Offer = {
      tenantId, offerId: deterministicId('demo-offer', seed.key), ...content, date, closesOn,
      audience: { professions: [], teams: teams ?? [], registration: 'any', withNeed: false }, status: 'sent', sendAt: null, createdBy: staffId(70),
      createdAt: at(workingDaysBefore(sentOn, 1, calendar), '15:00'), sentAt: at(sentOn, '10:00'), audienceSize: 0,
      fannedOutAt: at(sentOn, '10:01'), fanOutSeenAt: at(sentOn, '10:01'), reportedAt: at(sentOn, '10:20'),
      allocation: { ...allocation, reservations: reserve ? [{ ...reserve, until: closesOn }] : [] }, trigger: seed.trigger ?? null,
    };
    const audience = people.filter((p) => inAudience(offer.audience, p, false)).map((p) => p.aadObjectId).sort();
    offer.audienceSize = audience.length;
    result.offers.push(offer);
    result.audiences.set(offer.offerId, audience);
    for (const [status, rows] of Object.entries(seed.bookings) as [BookingStatus, number[]][]) {
      for (const [k, n] of rows.entries()) {
        const personId = staffId(n);
        if (!audience.includes(personId)) continue;
        const asked = at(addWorkingDays(sentOn, k % 4, calendar), `${String(10 + (k % 6)).padStart(2, '0')}:${String((k * 7) % 60).padStart(2, '0')}`);
        const said = status === 'attended' ? seed.evaluations?.[k] : undefined;
        result.bookings.push({
          tenantId, offerId: offer.offerId, personId, status, priority: 0, askedAt: asked, offeredUntil: null, updatedAt: status === 'attended' ? at(date, '16:30') : asked,
          evaluation: said ? { useful: said[0], change: said[1], line: said[2], at: at(addWorkingDays(date, 1, calendar), '09:40') } : null,
        });
        if (status !== 'attended') continue;
        const areas = new Set(offer.codes.map(areaOf));
        result.attendance.push({
          tenantId, personId, recordId: deterministicId('offer-attendance', offer.offerId, personId), activityType: FORMAT_ACTIVITY[offer.format] as CpdRecord['activityType'],
          title: offer.title, date: offer.date, hours: offer.cpdHours, participatoryHours: offer.cpdHours, codes: offer.codes,
          needIds: needs.filter((x) => x.personId === personId && isOpen(x) && x.codes.some((c) => areas.has(areaOf(c)))).map((x) => x.needId),
          reflectionModel: 'what', reflection: {}, impactPractice: '', impactPeople: '', peer: null, peerReflection: '', includesFeedback: false, reflectiveDiscussion: false,
          createdAt: at(date, '16:30'),
        });
      }
    }
  }
  return result;
}

/** Writes each offer, its deliveries (sent), its places and its bookings, through the offers and deliveries stores. */
export async function writeOffers(rt: Runtime, demo: DemoOffers): Promise<void> {
  await Promise.all(demo.offers.map(async (offer) => {
    await rt.offers.save(offer);
    const batch = offerBatch(offer.offerId);
    await Promise.all(demo.audiences.get(offer.offerId)!.map(async (recipientId) => {
      await rt.deliveries.create({ batch, recipientId, tenantId: offer.tenantId, message: { kind: 'card', cardId: outboxCardId(batch, recipientId) }, createdAt: offer.sentAt! });
      await rt.deliveries.finish((await rt.deliveries.get(batch, recipientId))!, 'sent', offer.sentAt!);
    }));
    await rt.offers.openPlaces(offer.offerId, offer.capacity);
    // A place and its booking move together, one booking at a time, as bookings do.
    for (const booking of demo.bookings.filter((b) => b.offerId === offer.offerId)) {
      const holds = booking.status === 'booked' || booking.status === 'attended';
      await rt.offers.writeBooking(booking, null, holds ? { row: (await rt.offers.getPlaces(offer.offerId))!, delta: 1 } : undefined);
    }
  }));
}
