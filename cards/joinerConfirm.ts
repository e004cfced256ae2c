import template from './templates/joinerConfirm.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { expand } from './render';
import { plain } from '../core/text';

export interface JoinerConfirmCardData {
  cardId: string;
  name: string;
  email: string;
  facts: { title: string; value: string }[];
}

export function joinerConfirmCard(data: JoinerConfirmCardData): AdaptiveCardJson {
  return expand(template, {
    cardId: data.cardId,
    intro: `${plain(data.name)} (${plain(data.email)}) introduced themselves to Weave and named you as their line manager. They are not on HR's roster yet.`,
    facts: data.facts,
  });
}
