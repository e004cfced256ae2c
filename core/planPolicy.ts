// policy/plans.json: the suppression threshold and the weights the roll-ups use.
import { z } from 'zod';

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month-day like 04-01');

export const planPolicy = z.strictObject({
  version: z.number().int().min(1),
  note: z.string().min(1),
  /** Counts below this are never shown in a channel. */
  threshold: z.number().int().min(2).max(20),
  priorityWeights: z.strictObject({ needs: z.number().min(0), triggers: z.number().min(0), registration: z.number().min(0) }),
  equity: z.strictObject({ underServedRatio: z.number().gt(0).max(1), lookbackMonths: z.number().int().min(1).max(36) }),
  completionWindowDays: z.number().int().min(7).max(120),
  topAreas: z.number().int().min(1).max(6),
  /** The organisation's L&D year (plan, commissioning, budget), as a month-day it starts on: a council's financial year by default. */
  orgYear: z.strictObject({ startsOn: monthDay }),
  /** Each team agrees its priorities for the year by `agreeBy` (a month-day in that year), at most `maxPriorities` of them. */
  teamPlans: z.strictObject({ maxPriorities: z.number().int().min(1).max(10), agreeBy: monthDay }),
});
export type PlanPolicy = z.infer<typeof planPolicy>;

export function parsePlanPolicy(json: unknown, source = 'policy/plans.json'): PlanPolicy {
  const parsed = planPolicy.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The plan rules in ${source} are not valid, so Weave cannot start:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}
