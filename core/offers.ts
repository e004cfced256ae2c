// Learning offers from L&D — workshops, study days, learning sets, conference places, shadowing
// days, 7-minute briefings — with who they are for, and places that go by need before speed.
import { z } from 'zod';
import type { IsoDate } from './calendar';
import type { Evaluation } from './evaluation';
import type { Person } from './people';
import type { Profession } from './workforce';

export const OFFER_FORMATS = {
  bite_size_workshop: 'Bite-size workshop',
  team_study_day: 'Team study day',
  reflective_learning_set: 'Reflective learning set',
  conference: 'Conference place',
  work_shadowing: 'Shadowing day',
  briefing: '7-minute briefing',
} as const;
export type OfferFormat = keyof typeof OFFER_FORMATS;
export const OFFER_FORMAT_CODES = Object.keys(OFFER_FORMATS) as [OfferFormat, ...OfferFormat[]];

/** How long an offer can be, in minutes, as people read it. */
export const DURATIONS = [[7, '7 minutes'], [30, '30 minutes'], [60, '1 hour'], [90, '1½ hours'], [120, '2 hours'], [180, '3 hours'], [240, 'Half a day'], [420, 'A day']] as const;
export const DURATION_CODES = DURATIONS.map(([m]) => String(m)) as [string, ...string[]];
export const durationLabel = (minutes: number) => DURATIONS.find(([m]) => m === minutes)?.[1] ?? `${minutes} minutes`;

/**
 * What L&D fill in to compose an offer, on the card or in the tab: the one list of its field names,
 * shared by the card template's inputs, the input schema (app/offers/draft.ts) and the tab.
 */
export const OFFER_FIELDS = [
  'title', 'description', 'format', 'date', 'time', 'durationMinutes', 'location', 'onlineUrl', 'capacity', 'cpdHours', 'closesOn',
  'codes', 'professions', 'teams', 'registration', 'withNeed', 'allocation', 'reserveFor', 'reservePlaces', 'reserveUntil',
] as const;
export type OfferField = (typeof OFFER_FIELDS)[number];
/** An offer's fields as the form holds them: text, lists comma-separated. */
export type OfferValues = Record<OfferField, string>;

/** A button on a person's invitation: what their booking lets them do next (app/offers/invitation.ts). */
export interface InviteButton {
  title: string;
  verb: string;
  style?: 'positive' | 'destructive' | 'default';
}

/** Why an offer was not for someone, if they say: the seeds' barriers to CPD (time, cover, budget, permission), asked. */
export const NOT_FOR_ME_REASONS = {
  timing: 'The timing',
  workload: 'Workload, or no cover',
  relevance: 'Not relevant to my role',
  cost: 'Cost or travel',
  permission: "My manager's permission",
  done: 'I have already done it',
} as const;
export type NotForMeReason = keyof typeof NOT_FOR_ME_REASONS;
export const NOT_FOR_ME_CODES = Object.keys(NOT_FOR_ME_REASONS) as [NotForMeReason, ...NotForMeReason[]];

/** What a person's invitation says about their booking, and what it lets them do. */
export interface InviteState {
  state: { style: 'good' | 'accent'; heading: string; lines: string[] } | null;
  buttons: InviteButton[];
  /** After Not for me: the reasons to choose from, until they choose one (or null). */
  why?: { title: string; value: string }[] | null;
}

/** The CPD activity an offer becomes in people's records. */
export const FORMAT_ACTIVITY: Record<OfferFormat, string> = {
  bite_size_workshop: 'bite_size_workshop', team_study_day: 'team_study_day', reflective_learning_set: 'reflective_learning_set',
  conference: 'conference', work_shadowing: 'work_shadowing', briefing: 'bite_size_workshop',
};

/** How an offer's places go (core/allocation.ts), as L&D choose it on the composer. */
export const ALLOCATION_MODES = {
  first_come: 'First come, first served (need first on the waiting list)',
  applications: 'Applications: places allocated when they close, by need and fairness',
  reserved: 'First come, with places reserved for a group',
} as const;
export type AllocationMode = keyof typeof ALLOCATION_MODES;
export const ALLOCATION_MODE_CODES = Object.keys(ALLOCATION_MODES) as [AllocationMode, ...AllocationMode[]];

/** Places held for a group (`profession:…`, `service:…`, `registration:registered|unregistered`) up to and including a day. */
export interface HeldPlaces {
  group: string;
  places: number;
  until: IsoDate;
}

export interface OfferAllocation {
  mode: AllocationMode;
  reservations: HeldPlaces[];
  /** Applications: when the places were allocated, and to whom (written once, before any booking changes). */
  allocatedAt: string | null;
  placed: string[] | null;
  /** When everyone who applied had been told the outcome: the allocation is finished. */
  toldAt?: string | null;
}

export const FIRST_COME: OfferAllocation = { mode: 'first_come', reservations: [], allocatedAt: null, placed: null, toldAt: null };

export interface Audience {
  /** Empty: every profession. */
  professions: Profession[];
  /** Empty: every team. */
  teams: string[];
  registration: 'any' | 'registered' | 'unregistered';
  /** Only people with an open need in the offer's Common Core areas. */
  withNeed: boolean;
}

/**
 * - `draft`: being composed. `scheduled`: will send at `sendAt`. `sending`: fanned out, deliveries
 *   under way. `sent`: every delivery has ended. `cancelled`: withdrawn by L&D.
 */
export type OfferStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';

export interface Offer {
  tenantId: string;
  offerId: string;
  title: string;
  description: string;
  format: OfferFormat;
  date: IsoDate;
  /** Local time, HH:MM. */
  time: string;
  durationMinutes: number;
  location: string;
  onlineUrl: string;
  capacity: number;
  codes: string[];
  cpdHours: number;
  closesOn: IsoDate;
  audience: Audience;
  status: OfferStatus;
  sendAt: string | null;
  createdBy: string;
  createdAt: string;
  sentAt: string | null;
  /** How many it was sent to, when it went. */
  audienceSize: number;
  /** When the last page of recipients was queued: until then the report cannot be final. */
  fannedOutAt: string | null;
  /** When a page of the fan-out last ran (queued invitations, or waited for sending to catch up). */
  fanOutSeenAt: string | null;
  reportedAt: string | null;
  /** The line of the organisation's L&D plan it was made from, if any. */
  commissionLine?: { year: string; lineId: string } | null;
  /** The learning trigger it answers (a briefing made from it), if any. */
  trigger?: string | null;
  /** How its places go; offers from before allocation modes are first come. */
  allocation: OfferAllocation;
}

/**
 * - `applied`: asked for a place on an offer allocated when applications close.
 * - `booked`: has a place. `waiting`: on the waiting list. `offered`: a freed place is being held
 *   for them until `offeredUntil`. `cancelled`: gave their place or list spot up. `declined`: not
 *   for them. `attended`: marked as there by L&D (a CPD record was made).
 */
export type BookingStatus = 'applied' | 'booked' | 'waiting' | 'offered' | 'cancelled' | 'declined' | 'attended';

/** How many of an offer's places are held (booked, attended, or offered to someone to confirm). */
export interface Places {
  offerId: string;
  capacity: number;
  taken: number;
}

export interface Booking {
  tenantId: string;
  offerId: string;
  personId: string;
  status: BookingStatus;
  /** Higher goes first on the waiting list (need before speed). */
  priority: number;
  askedAt: string;
  offeredUntil: string | null;
  updatedAt: string;
  /** Why it was not for them, if they said (declined bookings only). */
  reason?: NotForMeReason | null;
  /** Their groups' keys (profession, service, registration), kept on offers that reserve places, so a held place finds its group without a read. */
  groups?: string[];
  /** The reserved group whose held place they have, if any. */
  heldFor?: string | null;
  /** What they said of it afterwards (attended bookings on offers from a trigger or a commissioning line). */
  evaluation?: Evaluation | null;
}

/**
 * A count of an offer's recipients as L&D may see it. With "only people with an open need in these
 * areas" the count says who has a need, so it is shown as a digest would: never from 0 to
 * threshold-1, and (when the audience without that condition is known) not exactly when those
 * left out are from 1 to threshold-1, which would say the rest all have one.
 */
export function recipientCount(n: number, withNeed: boolean, threshold: number, withoutNeedCondition?: number): string {
  if (!withNeed) return String(n);
  if (n < threshold) return `fewer than ${threshold}`;
  const left = withoutNeedCondition === undefined ? 0 : withoutNeedCondition - n;
  return left > 0 && left < threshold ? `${threshold} or more` : String(n);
}

export interface BroadcastTally {
  sent: number;
  notInstalled: number;
  /** An app permission policy kept Weave from being installed for them (proactive installation). */
  blocked: number;
  unreachable: number;
  failed: number;
  /** Deliveries that have ended, whatever their outcome. */
  ended: number;
  /** Everyone in the audience not yet ended, including people the fan-out has not queued yet. */
  toGo: number;
}

/** Where a broadcast stands, from its deliveries' states; it adds up to the audience from the first moment. */
export function broadcastTally(audienceSize: number, states: readonly string[]): BroadcastTally {
  const n = (state: string) => states.filter((s) => s === state).length;
  const [sent, notInstalled, blocked, unreachable, failed] = [n('sent'), n('not_installed'), n('blocked'), n('unreachable'), n('failed')];
  const ended = sent + notInstalled + blocked + unreachable + failed;
  return { sent, notInstalled, blocked, unreachable, failed, ended, toGo: Math.max(0, audienceSize - ended) };
}

export function inAudience(audience: Audience, person: Pick<Person, 'profession' | 'team' | 'registrationBody' | 'status'>, hasNeedInCodes: boolean): boolean {
  if (person.status !== 'active') return false;
  if (audience.professions.length > 0 && !audience.professions.includes(person.profession)) return false;
  if (audience.teams.length > 0 && !audience.teams.includes(person.team)) return false;
  if (audience.registration === 'registered' && person.registrationBody === 'none') return false;
  if (audience.registration === 'unregistered' && person.registrationBody !== 'none') return false;
  return !audience.withNeed || hasNeedInCodes;
}

export const offerPolicy = z.strictObject({
  version: z.number().int().min(1),
  note: z.string().min(1),
  priority: z.strictObject({
    mode: z.enum(['need', 'first_come']),
    matchingNeed: z.number().min(0), registrationDeadline: z.number().min(0), noRecentCpd: z.number().min(0),
    noRecentCpdMonths: z.number().int().min(1).max(36),
  }),
  confirmPlaceHours: z.number().int().min(1).max(24 * 14),
  reminderWorkingDaysBefore: z.number().int().min(1).max(10),
  /** How an offer's places go when L&D do not choose (core/allocation.ts); `underServed` is added to the priority weights above. */
  allocation: z.strictObject({
    mode: z.enum(['first_come', 'applications', 'reserved'], { error: 'must be first_come, applications or reserved' }),
    underServed: z.number({ error: 'must be a number' }).min(0, 'must be 0 or more'),
  }, { error: 'must say how places are allocated: { "mode": "first_come", "underServed": 1 }' }),
});
export type OfferPolicy = z.infer<typeof offerPolicy>;

export function parseOfferPolicy(json: unknown, source = 'policy/offers.json'): OfferPolicy {
  const parsed = offerPolicy.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The offer rules in ${source} are not valid, so Weave cannot start:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** How far up the waiting list someone goes: need before speed, unless the policy says first come. */
export function waitingPriority(policy: OfferPolicy, facts: { matchingNeed: boolean; registrationShort: boolean; noRecentCpd: boolean }): number {
  if (policy.priority.mode === 'first_come') return 0;
  const p = policy.priority;
  return (facts.matchingNeed ? p.matchingNeed : 0) + (facts.registrationShort ? p.registrationDeadline : 0) + (facts.noRecentCpd ? p.noRecentCpd : 0);
}

/** The waiting list in order: highest priority, then whoever asked first. */
export function waitingOrder<B extends Pick<Booking, 'status' | 'priority' | 'askedAt' | 'personId'>>(bookings: readonly B[]): B[] {
  return bookings.filter((b) => b.status === 'waiting').sort((a, b) => b.priority - a.priority || a.askedAt.localeCompare(b.askedAt) || a.personId.localeCompare(b.personId));
}
