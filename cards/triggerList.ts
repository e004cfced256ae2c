// The learning triggers someone leads on, each with how far it has ended in learning; L&D can make a
// briefing from one, or close it with a note.
import template from './templates/triggerList.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { banner, formBanner } from './fragments';
import { expand } from './render';

export interface TriggerListItem {
  id: string;
  summary: string;
  status: string;
  overdue: boolean;
  facts: { title: string; value: string }[];
  /** L&D's buttons: Create briefing, Close. */
  actions: boolean;
}

export function triggerListCard(d: { cardId: string; intro: string; items: TriggerListItem[]; more: string; errors: readonly string[]; note: string }): AdaptiveCardJson {
  return expand(template, { cardId: d.cardId, intro: d.intro, banner: formBanner(d.errors, banner('good', d.note)), items: d.items, more: d.more });
}
