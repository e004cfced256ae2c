// How often supervision and appraisal happen, and when prompts go: the organisation's policy as
// data (policy/cadence.json), every version with the date it takes effect. Regulators and
// employers change these; Weave changes with a new version, not with new code.
import { z } from 'zod';
import { CAREER_STAGE_CODES, PROFESSION_CODES } from './workforce';
import { isIsoDate } from './validation';

const interval = z.union([
  z.strictObject({ weeks: z.number().int().min(1).max(52) }),
  z.strictObject({ months: z.number().int().min(1).max(24) }),
]);
export type Interval = z.infer<typeof interval>;

// A day that exists in some year (29 February does, in leap years; 30 February never).
const monthDay = z.string().refine((md) => /^\d{2}-\d{2}$/.test(md) && isIsoDate(`2024-${md}`), 'must be a real day of the year, MM-DD');

export const supervisionRule = z.union([
  /** At this interval after the last session (or the start date). */
  z.strictObject({ every: interval }),
  /** Newly qualified: weekly at first, then less often. Each phase lasts until its offset from the start date. */
  z.strictObject({ phases: z.array(z.strictObject({ until: interval, every: interval })).min(1), then: interval }),
  /** On fixed dates each year, e.g. once a term. */
  z.strictObject({ on: z.array(monthDay).min(1) }),
  z.strictObject({ none: z.string().min(1) }),
]);
export type SupervisionRule = z.infer<typeof supervisionRule>;

export const appraisalRule = z.union([
  /** The organisation's appraisal cycle: the same dates each year. */
  z.strictObject({ on: monthDay, midYear: monthDay.optional() }),
  /** On the anniversary of the start date, with the mid-year review six months on. */
  z.strictObject({ anniversary: z.literal(true), midYear: z.boolean() }),
  z.strictObject({ none: z.string().min(1) }),
]);
export type AppraisalRule = z.infer<typeof appraisalRule>;

const isoDate = z.string().refine(isIsoDate, 'must be a date, YYYY-MM-DD');

const when = z.strictObject({
  profession: z.enum(PROFESSION_CODES).optional(),
  careerStage: z.enum(CAREER_STAGE_CODES).optional(),
  /** Only for people who started before this date: a programme someone is part-way through keeps its rules. */
  startedBefore: isoDate.optional(),
  /** Only for people who started on or after this date. */
  startedFrom: isoDate.optional(),
});
export type When = z.infer<typeof when>;

/**
 * An early career programme and the standards it works to, as the regulator or department names
 * them: shown on the prompts of the people it applies to (the ASYE and the knowledge and skills
 * statement; from 2027 the early career standards and programme).
 */
const programme = z.strictObject({
  when,
  name: z.string().min(1).max(120),
  standards: z.string().min(1).max(200),
});
export type Programme = z.infer<typeof programme>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

export const policyVersion = z.strictObject({
  effectiveFrom: isoDate,
  note: z.string().min(1),
  programmes: z.array(programme).default([]),
  supervision: z.strictObject({
    default: supervisionRule,
    rules: z.array(z.strictObject({ when, rule: supervisionRule })),
    /** Minimum length, shown on the prompt (social workers: 90 minutes, uninterrupted). */
    minutes: z.strictObject({ default: z.number().int().min(15).max(480), rules: z.array(z.strictObject({ when, minutes: z.number().int().min(15).max(480) })) }),
  }),
  appraisal: z.strictObject({ default: appraisalRule, rules: z.array(z.strictObject({ when, rule: appraisalRule })) }),
  prompts: z.strictObject({
    workingDaysBefore: z.number().int().min(1).max(15),
    reminderAfterWorkingDays: z.number().int().min(1).max(10),
    /** Working hours in the person's own time zone: prompts go out only between these. */
    sendFrom: hhmm,
    sendUntil: hhmm,
  }).refine((p) => p.sendFrom < p.sendUntil, 'sendFrom must be before sendUntil'),
});
export type PolicyVersion = z.infer<typeof policyVersion>;

export const cadencePolicy = z.strictObject({
  $schema: z.string().optional(),
  version: z.number().int().min(1),
  versions: z.array(policyVersion).min(1).refine(
    (vs) => vs.every((v, i) => i === 0 || vs[i - 1]!.effectiveFrom < v.effectiveFrom),
    'versions must be in order of effectiveFrom, each date once',
  ),
});
export type CadencePolicy = z.infer<typeof cadencePolicy>;

export class PolicyError extends Error {
  constructor(source: string, problems: string[]) {
    super(`The cadence policy in ${source} is not valid, so Weave cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PolicyError';
  }
}

export function parseCadencePolicy(json: unknown, source = 'policy/cadence.json'): CadencePolicy {
  const parsed = cadencePolicy.safeParse(json);
  if (!parsed.success) {
    throw new PolicyError(source, parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`));
  }
  return parsed.data;
}

/** The version in force on a date (the first version also covers anything before it). */
export function policyOn(policy: CadencePolicy, date: string): PolicyVersion {
  let current = policy.versions[0]!;
  for (const v of policy.versions) if (v.effectiveFrom <= date) current = v;
  return current;
}
