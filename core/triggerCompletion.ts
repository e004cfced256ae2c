// Whether a learning trigger ended in learning: of the staff it affects, who attended an offer made
// from it, logged CPD in its areas since it was recorded, or met the need it put in their plan — by
// its learn-by date. Beyond a person and their manager it is only ever a count, by team: teams of
// fewer than the threshold are pooled, a team's figure is hidden when the people who did or did not
// learn from it are from 1 to t-1, and if only one team would be hidden another is too, so no hidden
// figure follows from the total.
import type { IsoDate } from './calendar';
import { poolSmallGroups } from './orgPlan';
import { affects, type LearningTrigger } from './triggers';
import type { Profession } from './workforce';

export interface CompletionFacts {
  people: readonly { id: string; team: string; profession: Profession }[];
  /** People who attended an offer made from the trigger. */
  attended: ReadonlySet<string>;
  cpd: readonly { personId: string; date: IsoDate; codes: readonly string[] }[];
  /** People who met the need the trigger put in their plan. */
  metNeed: ReadonlySet<string>;
}

export interface CompletionRow {
  /** Null: teams under the threshold, pooled. */
  team: string | null;
  affected: number;
  /** Null when hidden. */
  learned: number | null;
}

export interface TriggerCompletion {
  affected: number;
  /** Null when hidden (fewer than t did, or did not). */
  learned: number | null;
  overdue: boolean;
  byTeam: CompletionRow[];
}

const areaOf = (code: string) => code.split('.')[0]!;
const small = (n: number, t: number) => n > 0 && n < t;

/** Who among the affected has learned from it: the one definition the counts and a manager's view share. */
export function learnedFrom(trigger: LearningTrigger, facts: CompletionFacts): { affected: string[]; learned: Set<string> } {
  const areas = new Set(trigger.codes.map(areaOf));
  const since = trigger.createdAt.slice(0, 10);
  const affected = facts.people.filter((p) => affects(trigger, p)).map((p) => p.id);
  const cpd = new Set(facts.cpd.filter((r) => r.date >= since && r.codes.some((c) => areas.has(areaOf(c)))).map((r) => r.personId));
  return { affected, learned: new Set(affected.filter((id) => facts.attended.has(id) || cpd.has(id) || facts.metNeed.has(id))) };
}

export function triggerCompletion(trigger: LearningTrigger, facts: CompletionFacts, today: IsoDate, t: number): TriggerCompletion {
  const { affected, learned } = learnedFrom(trigger, facts);
  const teamOf = new Map(facts.people.map((p) => [p.id, p.team]));
  const sizes = new Map<string, number>();
  for (const id of affected) sizes.set(teamOf.get(id)!, (sizes.get(teamOf.get(id)!) ?? 0) + 1);
  const heads = poolSmallGroups(sizes, t);
  const rowOf = (team: string) => (heads.has(team) ? team : null);
  const rows = [...heads.entries()].map(([name, n]) => {
    const team = name.startsWith('Other (') ? null : name;
    const did = affected.filter((id) => rowOf(teamOf.get(id)!) === team && learned.has(id)).length;
    return { team, affected: n, did };
  }).sort((a, b) => b.affected - a.affected || (a.team ?? '~').localeCompare(b.team ?? '~'));
  const hidden = new Set(rows.filter((r) => r.affected < t || small(r.did, t) || small(r.affected - r.did, t)).map((r) => r.team));
  const totalHidden = affected.length < t || small(learned.size, t) || small(affected.length - learned.size, t);
  // One hidden row beside a shown total would follow from it: hide the smallest other row too.
  if (hidden.size === 1 && !totalHidden && rows.length > 1) {
    const next = rows.filter((r) => !hidden.has(r.team)).sort((a, b) => a.affected - b.affected)[0];
    if (next) hidden.add(next.team);
  }
  return {
    affected: affected.length,
    learned: totalHidden ? null : learned.size,
    overdue: !trigger.closed && !!trigger.dueDate && trigger.dueDate < today && learned.size < affected.length,
    byTeam: rows.map((r) => ({ team: r.team, affected: r.affected, learned: hidden.has(r.team) ? null : r.did })),
  };
}
