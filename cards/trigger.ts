import template from './templates/newTrigger.json' with { type: 'json' };
import { COMMON_CORE } from '../core/commonCore';
import type { AdaptiveCardJson } from '../core/conversation';
import { TRIGGER_SOURCES } from '../core/triggers';
import { PROFESSIONS } from '../core/workforce';
import { formBanner } from './fragments';
import { expand } from './render';

/** The inputs of a learning trigger: declared once, for the card template, its input schema and its values. */
export const TRIGGER_FIELDS = ['source', 'summary', 'codes', 'teams', 'professions', 'dueDate', 'createNeeds'] as const;
export type TriggerField = (typeof TRIGGER_FIELDS)[number];
export type TriggerValues = Record<TriggerField, string>;

const CODE_CHOICES = COMMON_CORE.flatMap((a) => [{ code: a.code, label: `${a.code} ${a.short}` }, ...a.subHeadings.map((s) => ({ code: s.code, label: `${s.code} ${s.label}` }))]);

/** `ownTeam`: a manager's card, for their own team(s) only. */
export function newTriggerCard(d: { cardId: string; heading?: string; values: TriggerValues; teams: readonly string[]; ownTeam?: boolean; errors: readonly string[]; today: string }): AdaptiveCardJson {
  return expand(template, {
    cardId: d.cardId, heading: d.heading ?? 'Record a learning trigger', errors: formBanner(d.errors), values: d.values, today: d.today, teams: d.teams, codes: CODE_CHOICES,
    teamsLabel: d.ownTeam ? 'Your team(s) it affects (none chosen: all of yours)' : 'Teams it affects (leave both empty for everyone)',
    sources: Object.entries(TRIGGER_SOURCES).map(([code, label]) => ({ code, label })),
    professions: Object.entries(PROFESSIONS).map(([code, label]) => ({ code, label })),
  });
}
