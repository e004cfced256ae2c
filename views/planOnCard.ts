// How much of a Learning Development Plan its chat card shows. A plan has no limit on needs,
// comments or logged CPD, but Teams refuses a bot message over about 100 KB (counted in UTF-16), so
// the card shows the most pressing part and says where the rest is: the Plans tab shows all of it.

/** At most this many needs on a card; fewer when their text is long (cards/fit.ts). */
export const NEEDS_ON_CARD = 8;
export const COMMENTS_PER_NEED = 2;
export const LOGGED_PER_NEED = 3;

/** Where the whole plan is, for the person themself and for their manager. */
export const WHOLE_PLAN_OWN = 'the Plans tab at the top of this chat (My plan)';
export const wholePlanOf = (name: string) => `the Plans tab at the top of this chat (My team, then ${name})`;

/** The last `max` items, and how many earlier ones that leaves out. */
export function lastOf<T>(items: readonly T[], max: number): { shown: T[]; left: number } {
  const shown = items.slice(Math.max(0, items.length - max));
  return { shown, left: items.length - shown.length };
}

