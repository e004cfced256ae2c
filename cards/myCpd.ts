// `my cpd`: where someone stands with their regulator this period, and their record.
import template from './templates/myCpd.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { toneOf } from './fragments';
import { expand } from './render';
import { plain } from '../core/text';

export interface MyCpdCardData {
  title: string;
  period: string;
  headline: string;
  tone: 'good' | 'attention' | 'default';
  checks: { title: string; value: string }[];
  /** What the employer requires: each requirement and where the person stands. */
  mandatory: { title: string; value: string }[];
  notes: string[];
  records: { date: string; title: string; detail: string }[];
  empty: string;
}

export function myCpdCard(d: MyCpdCardData): AdaptiveCardJson {
  return expand(template, {
    ...d,
    headlineTone: toneOf(d.tone),
    records: d.records.map((r) => ({ ...r, detail: plain(r.detail) })),
  });
}
