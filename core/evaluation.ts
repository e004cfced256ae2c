// What attendees said of a learning offer made from a trigger or a commissioning line: how useful it
// was (1–5), whether it will change their practice, and one line. L&D see it only rolled up, and only
// once at least the threshold have answered; the answers to "will it change your practice" are shown
// as counts none of which is from 1 to t-1 or follows from the others; the lines, unsigned, in
// alphabetical order (so their order says nothing about who answered when).
import { suppressCells } from './suppression';

export const CHANGE_ANSWERS = { yes: 'Yes', maybe: 'Maybe', no: 'No' } as const;
export type ChangeAnswer = keyof typeof CHANGE_ANSWERS;
export const CHANGE_CODES = Object.keys(CHANGE_ANSWERS) as [ChangeAnswer, ...ChangeAnswer[]];

export interface Evaluation {
  /** 1 (not useful) to 5 (very useful). */
  useful: number;
  change: ChangeAnswer;
  line: string;
  at: string;
}

export interface EvaluationSummary {
  responses: number;
  /** Null under the threshold. */
  usefulMean: number | null;
  /** "useful 4.3 of 5 · will change their practice: yes 6, maybe 3, no not shown", or why nothing shows. */
  text: string;
  lines: string[];
}

export function summariseEvaluations(evaluations: readonly Evaluation[], t: number): EvaluationSummary {
  const n = evaluations.length;
  if (n === 0) return { responses: 0, usefulMean: null, text: 'nobody has answered yet', lines: [] };
  if (n < t) return { responses: n, usefulMean: null, text: `fewer than ${t} have answered: results show from ${t}`, lines: [] };
  const mean = Math.round((evaluations.reduce((s, e) => s + e.useful, 0) / n) * 10) / 10;
  const shown = suppressCells(CHANGE_CODES.map((c) => evaluations.filter((e) => e.change === c).length), t);
  const change = CHANGE_CODES.map((c, i) => `${CHANGE_ANSWERS[c].toLowerCase()} ${shown[i] ?? 'not shown'}`).join(', ');
  return {
    responses: n, usefulMean: mean, text: `${n} answered · useful ${mean.toFixed(1)} of 5 · will change their practice: ${change}`,
    lines: evaluations.map((e) => e.line.trim()).filter(Boolean).sort((a, b) => a.localeCompare(b)),
  };
}
