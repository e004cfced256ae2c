import template from './templates/help.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { expand } from './render';

export interface HelpCardData {
  title: string;
  intro: string;
  sections: { heading: string; commands: { name: string; summary: string }[] }[];
  footer: string;
  /** Quick replies: each sends its command as if typed. */
  buttons: { title: string; command: string }[];
}

export function helpCard(data: HelpCardData): AdaptiveCardJson {
  return expand(template, data);
}
