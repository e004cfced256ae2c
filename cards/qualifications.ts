// A person's qualifications, with a form to add one; and the card that asks their manager to confirm it.
import template from './templates/qualifications.json' with { type: 'json' };
import confirmTemplate from './templates/qualificationConfirm.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { RQF_LABELS, RQF_LEVELS } from '../core/qualifications';
import { plain } from '../core/text';
import { formBanner } from './fragments';
import { expand } from './render';

/** The inputs of a qualification: declared once, for the template, its input schema and its values. */
export const QUALIFICATION_FIELDS = ['level', 'title', 'awardedOn', 'professional'] as const;
export type QualificationField = (typeof QUALIFICATION_FIELDS)[number];
export type QualificationValues = Record<QualificationField, string>;

export function qualificationsCard(d: { cardId: string; held: { title: string; value: string }[]; values: QualificationValues; errors: readonly string[]; note: string; today: string }): AdaptiveCardJson {
  return expand(template, {
    cardId: d.cardId,
    held: d.held.map((h) => ({ title: plain(h.title), value: h.value })),
    empty: d.held.length === 0 ? 'None recorded yet.' : '',
    values: d.values,
    errors: formBanner(d.errors),
    note: d.note,
    today: d.today,
    levels: RQF_LEVELS.map((l) => ({ value: String(l), label: RQF_LABELS[l] })),
  });
}

export function qualificationConfirmCard(d: { cardId: string; name: string; qualification: string; facts: { title: string; value: string }[] }): AdaptiveCardJson {
  return expand(confirmTemplate, {
    cardId: d.cardId,
    intro: `${plain(d.name)} added a qualification to their record and asks you, as their line manager, to confirm it.`,
    qualification: plain(d.qualification),
    facts: d.facts,
  });
}
