// What got in the way of people's learning, as they said at appraisal: counts by group for the
// organisation's barriers view (the benchmark in the plans is built beside it). Aggregate only.
//
// The data: appraisals' `barriers` (store/appraisals.ts listFacts), each person's latest appraisal
// within the last fifteen months. Shape, for any reader: one row per group of at least the
// threshold of people who answered (smaller groups pooled, the pool grown until it is not small),
// and for each barrier `people` — the count, or null where showing it exactly would reveal a group
// under the threshold (it, or the rest of the row, is 1 or 2) — with `shown`, the words to show
// either way ("5 of 12", "fewer than 3 of 12", "all but fewer than 3 of 12").
import { BARRIERS, type Barrier } from '../../core/appraisal';
import { addMonths, type IsoDate } from '../../core/calendar';
import { exact, ofTotal } from '../../core/digest';
import { poolSmallGroups } from '../../core/orgPlan';
import { suppressCells } from '../../core/suppression';
import type { Person } from '../../core/people';
import { professionLabel } from '../../core/workforce';
import type { AppDeps } from '../deps';

export type BarrierGrouping = 'profession' | 'service' | 'team' | 'organisation';

export interface BarrierRow {
  group: string;
  /** People who answered the question (all at least the threshold). */
  respondents: number;
  barriers: { code: Barrier; label: string; people: number | null; shown: string }[];
}

export interface BarrierCounts {
  threshold: number;
  by: BarrierGrouping;
  rows: BarrierRow[];
}

const GROUP: Record<Exclude<BarrierGrouping, 'organisation'>, (p: Person) => string> = {
  profession: (p) => professionLabel(p.profession),
  service: (p) => p.service || 'No service on the roster',
  team: (p) => p.team,
};

export async function barrierCounts(deps: Pick<AppDeps, 'config' | 'appraisals' | 'people' | 'planPolicy'>, today: IsoDate, by: BarrierGrouping = 'organisation', everyone?: readonly Person[]): Promise<BarrierCounts> {
  const t = deps.planPolicy.threshold;
  const [facts, people] = await Promise.all([deps.appraisals.listFacts(deps.config.tenantId), everyone ?? deps.people.list(deps.config.tenantId)]);
  const since = addMonths(today, -15);
  const latest = new Map<string, Barrier[]>();
  for (const f of [...facts].sort((a, b) => a.period.localeCompare(b.period))) if (f.period >= since && f.barriers.length > 0) latest.set(f.personId, f.barriers);
  return { threshold: t, by, rows: answerRows(people, latest, BARRIERS, t, by) };
}

/**
 * People's answers to a question with set choices (each person's codes), counted per group: groups of
 * fewer than `t` pooled. `each`: a count is exact only where neither it nor the rest of its row is 1
 * to t-1 (people tick several). `row`: counts hidden across the row as core/suppression.ts hides them,
 * for answers most people give one of, where the respondents less the shown counts would give a
 * hidden one away.
 */
export function answerRows<C extends string>(people: readonly Person[], answers: ReadonlyMap<string, readonly C[]>, labels: Record<C, string>, t: number, by: BarrierGrouping, rule: 'each' | 'row' = 'each') {
  const answered = people.filter((p) => p.status === 'active' && answers.has(p.aadObjectId));
  const groupOf = by === 'organisation' ? () => 'Everyone' : GROUP[by];
  const sizes = new Map<string, number>();
  for (const p of answered) sizes.set(groupOf(p), (sizes.get(groupOf(p)) ?? 0) + 1);
  // The organisation as a whole is one group: shown only once it clears the threshold.
  // Pooling leaves a group under the threshold only when everyone together is: then there is nothing to show.
  const pooled = new Map([...(by === 'organisation' ? sizes : poolSmallGroups(sizes, t))].filter(([, n]) => n >= t));
  const other = `Other (groups under ${t})`;
  return [...pooled.keys()].map((group) => {
    const members = answered.filter((p) => (pooled.has(groupOf(p)) ? groupOf(p) : other) === group);
    const n = members.length;
    const codes = Object.keys(labels) as C[];
    const counts = codes.map((code) => members.filter((p) => answers.get(p.aadObjectId)!.includes(code)).length);
    const rowShown = suppressCells(counts, t);
    return {
      group, respondents: n,
      barriers: codes.map((code, i) => {
        const c = counts[i]!;
        if (rule === 'row') return { code, label: labels[code], people: rowShown[i] ?? null, shown: c === 0 ? 'none' : rowShown[i] === null ? 'not shown' : ofTotal(c, n, t) };
        return { code, label: labels[code], people: exact(c, n, t) ? c : null, shown: c === 0 ? 'none' : ofTotal(c, n, t) };
      }),
    };
  }).sort((a, b) => b.respondents - a.respondents || a.group.localeCompare(b.group));
}
