import template from './templates/greeting.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { expand } from './render';

export interface GreetingCardData {
  title: string;
  intro: string;
  promises: string[];
  privacy: string;
  buttons: { title: string; command: string }[];
}

export function greetingCard(data: GreetingCardData): AdaptiveCardJson {
  return expand(template, data);
}
