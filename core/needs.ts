// A learning need in someone's Learning Development Plan: what they want to learn, in Common Core
// terms, how they would like to learn it, and where the need came from.
import type { ActivityType } from './activities';

export const NEED_STATUSES = ['open', 'planned', 'in_progress', 'met', 'dropped'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_SOURCES = ['supervision', 'appraisal', 'midyear', 'self', 'trigger'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface LearningNeed {
  tenantId: string;
  personId: string;
  needId: string;
  /** A Common Core area (CC3) or sub-heading (CC3.S2). */
  code: string;
  description: string;
  activityType: ActivityType | null;
  priority: Priority;
  status: NeedStatus;
  source: NeedSource;
  /** What it came from: a session key, a trigger id. */
  sourceRef: string;
  targetDate: string | null;
  createdAt: string;
  updatedAt: string;
}
