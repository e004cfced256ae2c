// A learning need in someone's Learning Development Plan: what they want to learn, in Common Core
// terms, how they would like to learn it, where the need came from, and what has happened to it.
import type { ActivityType } from './activities';

export const NEED_STATUSES = ['open', 'planned', 'in_progress', 'met', 'dropped'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  open: 'Open', planned: 'Planned', in_progress: 'In progress', met: 'Met', dropped: 'Dropped',
};

export const NEED_SOURCES = ['supervision', 'appraisal', 'midyear', 'self', 'trigger', 'mandatory', 'pathway'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface PlannedActivity {
  activityType: ActivityType;
  note: string;
  date: string | null;
}

export interface NeedComment {
  byId: string;
  byName: string;
  at: string;
  text: string;
}

export interface LearningNeed {
  tenantId: string;
  personId: string;
  needId: string;
  /** Common Core areas (CC3) or sub-headings (CC3.S2); the first is the main one. */
  codes: string[];
  /** An optional profession framework tag, e.g. "PCF: Critical reflection and analysis". */
  frameworkTag: string | null;
  description: string;
  activityTypes: ActivityType[];
  priority: Priority;
  status: NeedStatus;
  source: NeedSource;
  /** What it came from: a session key, a trigger id. */
  sourceRef: string;
  targetDate: string | null;
  /** The plan year it belongs to (an appraisal cycle), e.g. "2026-04-15". */
  period: string;
  plan: PlannedActivity | null;
  dropReason: string | null;
  /** Line managers' comments: they can comment, never edit. */
  comments: NeedComment[];
  /** Earlier plan years it was carried through, and how it stood then. */
  history: { period: string; status: NeedStatus; at: string }[];
  createdAt: string;
  updatedAt: string;
}

export function isOpen(need: Pick<LearningNeed, 'status'>): boolean {
  return need.status === 'open' || need.status === 'planned' || need.status === 'in_progress';
}

/** A need without its words: what the plans roll up. */
export interface NeedFacts {
  personId: string;
  codes: readonly string[];
  activityTypes: readonly string[];
  open: boolean;
  met?: boolean;
  /** The learning trigger that put it in their plan, if one did. */
  trigger?: string | null;
}
