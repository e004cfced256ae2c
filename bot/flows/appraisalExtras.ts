// What the appraisal card asks besides the ratings, the plan's review and the needs: feedback from
// people who use services (anonymised: the identifying-text check applies) and what got in the way
// of learning this year.
import { type z } from 'zod';
import type { APPRAISAL_EXTRA_FIELDS } from '../../cards/sessionPrompt';
import { BARRIER_CODES } from '../../core/appraisal';
import { identifyingDetails } from '../../core/identifying';
import { choices, text, toggle } from '../../app/fields';
import { findingLines } from '../../views/identifying';

export const appraisalExtraFields = {
  feedback: text('What people who use services said', { max: 1000, multiline: true }),
  barriers: choices('What got in the way of your learning', BARRIER_CODES),
  barrierNote: text('Your line on what got in the way', { max: 300 }),
  confirmNotIdentifying: toggle(),
} satisfies Record<(typeof APPRAISAL_EXTRA_FIELDS)[number], z.ZodType>;

/** "Nothing got in the way" with something that did is a contradiction worth pointing out. */
export function checkBarriers(answers: { barriers?: unknown }, ctx: z.RefinementCtx) {
  const picked = Array.isArray(answers.barriers) ? answers.barriers as string[] : [];
  if (picked.includes('none') && picked.length > 1) ctx.addIssue({ code: 'custom', message: 'What got in the way: choose "Nothing got in the way" on its own, or what did.' });
}

/**
 * The answers as stored (text only: the barriers as "time,cover", the toggle left out), or the
 * warnings to show first when the feedback seems to identify someone and they have not confirmed.
 */
export function appraisalExtras(input: Record<string, unknown>): { answers: Record<string, string> } | { warnings: string[] } {
  const feedback = typeof input.feedback === 'string' ? input.feedback : '';
  const findings = identifyingDetails([feedback]);
  if (findings.length > 0 && input.confirmNotIdentifying !== true) return { warnings: findingLines(findings) };
  const barriers = Array.isArray(input.barriers) ? (input.barriers as string[]).join(',') : '';
  return { answers: { feedback, barriers, barrierNote: typeof input.barrierNote === 'string' ? input.barrierNote : '' } };
}
