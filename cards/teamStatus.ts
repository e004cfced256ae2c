import template from './templates/teamStatus.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { expand } from './render';
import { plain } from '../core/text';

export interface TeamStatusData {
  title: string;
  summary: string;
  people: { name: string; role: string; facts: { title: string; value: string }[] }[];
  /** How many people the card leaves out and where they all are (absent when it shows everyone). */
  more?: string;
  footer: string;
}

export function teamStatusCard(d: TeamStatusData): AdaptiveCardJson {
  return expand(template, {
    ...d,
    more: d.more ?? '',
    people: d.people.map((p) => ({ name: plain(p.name), role: plain(p.role), facts: p.facts.map((f) => ({ title: f.title, value: plain(f.value) })) })),
  });
}
