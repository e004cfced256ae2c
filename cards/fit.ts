// Teams refuses a bot message over about 100 KB counted in UTF-16 and asks for under 80 KB ("Format
// your bot messages"). Cards that list an unbounded number of things (a plan's needs, a manager's
// reports) show as many as fit a budget below that, most important first, and say where the rest is.
import type { AdaptiveCardJson } from '../core/conversation';

/** Leaves room for the activity around the card and for what a refused form puts back. */
export const CARD_BUDGET = 64 * 1024;

/** A card's size as Teams counts it: JSON.stringify's length is in UTF-16 code units. */
export const teamsSizeOf = (card: unknown): number => JSON.stringify(card).length * 2;

/** The card built with the most items, up to `most`, that keeps it within the budget (at least one item). */
export function largestThatFits(most: number, build: (items: number) => AdaptiveCardJson): AdaptiveCardJson {
  for (let items = most; items > 1; items--) {
    const card = build(items);
    if (teamsSizeOf(card) <= CARD_BUDGET) return card;
  }
  return build(Math.min(most, 1));
}
