// policy/plans.json: the suppression threshold and the weights the roll-ups use.
import { z } from 'zod';

export const planPolicy = z.strictObject({
  version: z.number().int().min(1),
  note: z.string().min(1),
  /** Counts below this are never shown in a channel. */
  threshold: z.number().int().min(2).max(20),
  priorityWeights: z.strictObject({ needs: z.number().min(0), triggers: z.number().min(0), registration: z.number().min(0) }),
  equity: z.strictObject({ underServedRatio: z.number().gt(0).max(1), lookbackMonths: z.number().int().min(1).max(36) }),
  completionWindowDays: z.number().int().min(7).max(120),
  topAreas: z.number().int().min(1).max(6),
});
export type PlanPolicy = z.infer<typeof planPolicy>;

export function parsePlanPolicy(json: unknown, source = 'policy/plans.json'): PlanPolicy {
  const parsed = planPolicy.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The plan rules in ${source} are not valid, so Weave cannot start:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}
