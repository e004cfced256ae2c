import template from './templates/newTrigger.json' with { type: 'json' };
import { COMMON_CORE } from '../core/commonCore';
import type { AdaptiveCardJson } from '../core/conversation';
import { TRIGGER_SOURCES } from '../core/triggers';
import { PROFESSIONS } from '../core/workforce';
import { formBanner } from './fragments';
import { expand } from './render';

export interface TriggerValues {
  source: string;
  summary: string;
  codes: string;
  teams: string;
  professions: string;
  dueDate: string;
  createNeeds: string;
}

const CODE_CHOICES = COMMON_CORE.flatMap((a) => [{ code: a.code, label: `${a.code} ${a.short}` }, ...a.subHeadings.map((s) => ({ code: s.code, label: `${s.code} ${s.label}` }))]);

export function newTriggerCard(d: { cardId: string; values: TriggerValues; teams: readonly string[]; errors: readonly string[]; today: string }): AdaptiveCardJson {
  return expand(template, {
    cardId: d.cardId, errors: formBanner(d.errors), values: d.values, today: d.today, teams: d.teams, codes: CODE_CHOICES,
    sources: Object.entries(TRIGGER_SOURCES).map(([code, label]) => ({ code, label })),
    professions: Object.entries(PROFESSIONS).map(([code, label]) => ({ code, label })),
  });
}
