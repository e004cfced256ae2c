// Cross-profession mentoring and shadowing: what people offer, what they ask for, the pairings
// Weave proposes, and the rules it matches by (policy/mentoring.json).
import { z } from 'zod';
import type { IsoDate } from './calendar';
import type { Profession } from './workforce';

export const MENTORING_KINDS = {
  mentoring: 'Mentoring',
  shadowing: 'Work shadowing visits',
  coaching: 'Coaching',
} as const;
export type MentoringKind = keyof typeof MENTORING_KINDS;
export const MENTORING_KIND_CODES = Object.keys(MENTORING_KINDS) as [MentoringKind, ...MentoringKind[]];

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' } as const;
/** Half-days in the working week: when someone can meet. */
export const SLOTS = DAYS.flatMap((d) => [`${d}-am`, `${d}-pm`] as const);
export type Slot = (typeof SLOTS)[number];

export function slotLabel(slot: string): string {
  const [day, half] = slot.split('-') as [keyof typeof DAY_NAMES, string];
  return `${DAY_NAMES[day] ?? day} ${half === 'am' ? 'morning' : 'afternoon'}`;
}

export interface MentorOffer {
  tenantId: string;
  personId: string;
  /** Common Core areas or sub-headings they are strong in. */
  strengths: string[];
  strengthsText: string;
  kinds: MentoringKind[];
  /** How many people at once. */
  capacity: number;
  /** When they can meet; empty means any time. */
  availability: Slot[];
  locality: string;
  pausedUntil: IsoDate | null;
  updatedAt: string;
}

/**
 * - `waiting`: in the pool for the next matching run.
 * - `proposed`: a pairing has been proposed and awaits both answers.
 * - `matched`: both accepted; mentoring is under way.
 * - `withdrawn`: the person no longer wants it (or their needs all closed).
 */
export type RequestStatus = 'waiting' | 'proposed' | 'matched' | 'withdrawn';

export interface MentorRequest {
  tenantId: string;
  personId: string;
  requestId: string;
  needIds: string[];
  /** The Common Core codes of those needs, when the request was made or changed. */
  codes: string[];
  kind: MentoringKind;
  preferProfession: Profession | null;
  locality: string | null;
  availability: Slot[];
  status: RequestStatus;
  /** Why it has not been matched yet, after the last run. */
  notYet: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * - `proposed`: waiting for both to accept.
 * - `active`: both accepted and were introduced.
 * - `declined`, `expired` (no answer in time): the pair will not be proposed again.
 * - `ended`: mentoring finished.
 */
export type MatchStatus = 'proposed' | 'active' | 'declined' | 'expired' | 'ended';
export type Answer = 'accepted' | 'declined' | null;

export interface CheckIn {
  week: number;
  personId: string;
  at: string;
  met: boolean;
  useful: 'very' | 'somewhat' | 'not' | null;
}

export interface MentorMatch {
  tenantId: string;
  matchId: string;
  requestId: string;
  mentorId: string;
  menteeId: string;
  kind: MentoringKind;
  codes: string[];
  score: number;
  /** Why these two: each part a phrase ("strength in CC3 Safeguarding"). */
  reasons: string[];
  /** Nobody from another profession fitted, so this pair shares one. */
  sameProfession: boolean;
  status: MatchStatus;
  mentorAnswer: Answer;
  menteeAnswer: Answer;
  declinedBy: string | null;
  declineReason: string;
  proposedAt: string;
  remindedAt: string | null;
  introducedAt: string | null;
  checkIns: CheckIn[];
  updatedAt: string;
}

const weight = z.number().min(0).max(100);

export const mentoringPolicy = z.strictObject({
  version: z.number().int().min(1),
  note: z.string().min(1),
  weights: z.strictObject({
    subHeadingMatch: weight, areaMatch: weight, differentTeam: weight, differentService: weight,
    seniorityInBand: weight, availabilityOverlap: weight, preferredProfession: weight, locality: weight,
  }),
  seniorityBand: z.strictObject({ min: z.number().int().min(-3).max(3), max: z.number().int().min(-3).max(3) }).refine((b) => b.min <= b.max, 'min must not be above max'),
  sameProfessionFallback: z.boolean(),
  localities: z.array(z.string().min(1).max(40)).max(30),
  replyWorkingDays: z.number().int().min(1).max(20),
  checkInWeeks: z.array(z.number().int().min(1).max(52)).max(4),
});
export type MentoringPolicy = z.infer<typeof mentoringPolicy>;

export function parseMentoringPolicy(json: unknown, source = 'policy/mentoring.json'): MentoringPolicy {
  const parsed = mentoringPolicy.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The mentoring rules in ${source} are not valid, so Weave cannot start:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** Someone may mentor again in this pair only if they never declined, let it lapse or met before. */
export function pairKey(mentorId: string, menteeId: string): string {
  return `${mentorId}|${menteeId}`;
}
