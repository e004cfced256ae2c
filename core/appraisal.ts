// What an appraisal leaves behind besides the answers: the self-ratings against the Common Core,
// what got in the way of learning this year, what people who use services said, and next year's
// plan as the appraisee and appraiser agreed it. The ratings and barriers, without anyone's words,
// feed the organisation's benchmark and barriers view (aggregate only).
import type { IsoDate } from './calendar';
import type { LearningNeed, NeedStatus } from './needs';

/** What got in the way of someone's learning this year (seed 002's barriers), or nothing did. */
export const BARRIERS = {
  time: 'Time',
  cover: 'Cover for my work',
  cost: 'Cost',
  permission: 'Permission',
  relevance: 'Nothing relevant to my role',
  none: 'Nothing got in the way',
} as const;
export type Barrier = keyof typeof BARRIERS;
export const BARRIER_CODES = Object.keys(BARRIERS) as [Barrier, ...Barrier[]];

/**
 * - `proposed`: the appraisee sent their preparation; the needs in next year's plan are their proposal.
 * - `reviewed`: the appraiser agreed or commented on each; the appraisee is asked to agree.
 * - `agreed`: both have; the plan is dated, and changes after it are marked.
 */
export type AgreementStatus = 'proposed' | 'reviewed' | 'agreed';

/** A need as it stood when the appraiser reviewed it, and what they said. */
export interface AgreementItem {
  needId: string;
  description: string;
  codes: string[];
  status: NeedStatus;
  decision: 'agreed' | 'commented';
  comment: string;
}

export interface Appraisal {
  tenantId: string;
  personId: string;
  /** The plan year it agrees (the one that starts with the appraisal): the row's key with the person. */
  period: IsoDate;
  sessionKey: string;
  date: IsoDate;
  appraiserId: string | null;
  /** Self-ratings 1–4 by Common Core area (CC1…CC6). */
  ratings: Record<string, number>;
  barriers: Barrier[];
  /** The person's line on what got in the way: theirs and their appraiser's to read, never rolled up. */
  barrierNote: string;
  /** What children, young people and families said about their practice, anonymised. Never rolled up. */
  feedback: string;
  status: AgreementStatus;
  items: AgreementItem[];
  reviewedAt: string | null;
  agreedAt: string | null;
}

/** An appraisal without anyone's words: what the benchmark and barriers view read. */
export interface AppraisalFacts {
  personId: string;
  period: IsoDate;
  ratings: Record<string, number>;
  barriers: Barrier[];
}

export type Change = 'added' | 'changed' | 'removed';

/**
 * How a need stands against the plan as agreed: added after it, changed since (what it says, or
 * where it is), or as agreed (null). Only for a plan that has been agreed.
 */
export function changeSinceAgreed(appraisal: Pick<Appraisal, 'status' | 'items'>, need: Pick<LearningNeed, 'needId' | 'description' | 'status'>): Change | null {
  if (appraisal.status !== 'agreed') return null;
  const item = appraisal.items.find((i) => i.needId === need.needId);
  if (!item) return 'added';
  return item.description !== need.description || item.status !== need.status ? 'changed' : null;
}
