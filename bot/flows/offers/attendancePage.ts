// Who an L&D admin can mark as attended, a page at a time. An offer has up to 500 places, and a
// card listing everyone would pass Teams' message size limit (about 100 KB) well before that.

/** Measured with names at their longest (test/bot/cardSize.test.ts): a full page keeps the card under 17 KB. */
export const PEOPLE_PER_PAGE = 100;

export interface AttendancePage<P> {
  page: number;
  people: P[];
  /** Which page this is, or '' when everyone fits on one. */
  label: string;
  /** Buttons to the page before and after, as far as there are any. */
  turns: { title: string; page: number }[];
}

/** The `requested` page of `everyone` (already in the order shown), or the nearest one that exists. */
export function attendancePage<P>(everyone: readonly P[], requested: number): AttendancePage<P> {
  const pages = Math.max(1, Math.ceil(everyone.length / PEOPLE_PER_PAGE));
  const page = Math.min(Math.max(0, Number.isInteger(requested) ? requested : 0), pages - 1);
  const from = page * PEOPLE_PER_PAGE;
  const people = everyone.slice(from, from + PEOPLE_PER_PAGE);
  if (pages === 1) return { page, people, label: '', turns: [] };
  const after = everyone.length - from - people.length;
  return {
    page,
    people,
    label: `People ${from + 1} to ${from + people.length} of ${everyone.length}, by name. Save this page before turning to another: ticks are not kept.`,
    turns: [
      ...(page > 0 ? [{ title: `Previous ${PEOPLE_PER_PAGE}`, page: page - 1 }] : []),
      ...(after > 0 ? [{ title: `Next ${Math.min(PEOPLE_PER_PAGE, after)}`, page: page + 1 }] : []),
    ],
  };
}
