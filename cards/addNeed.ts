import template from './templates/addNeed.json' with { type: 'json' };
import { COMMON_CORE } from '../core/commonCore';
import type { AdaptiveCardJson } from '../core/conversation';
import { FRAMEWORK_TAGS } from '../core/frameworks';
import { ACTIVITY_CHOICES, COMMON_CORE_CHOICES, formBanner } from './fragments';
import { expand } from './render';

/** The inputs of a learning need: declared once, for the card template, its input schema and its values. */
export const ADD_NEED_FIELDS = ['areas', 'subHeading', 'frameworkTag', 'description', 'priority', 'activityTypes', 'targetDate'] as const;
export type AddNeedField = (typeof ADD_NEED_FIELDS)[number];
export type AddNeedValues = Record<AddNeedField, string>;

export function addNeedCard(d: { cardId: string; values: AddNeedValues; errors: readonly string[]; today: string }): AdaptiveCardJson {
  return expand(template, {
    cardId: d.cardId,
    errors: formBanner(d.errors),
    values: d.values,
    today: d.today,
    areas: COMMON_CORE_CHOICES,
    subHeadings: COMMON_CORE.flatMap((a) => a.subHeadings.map((s) => ({ code: s.code, label: `${s.code} ${s.label}` }))),
    frameworks: FRAMEWORK_TAGS,
    activities: ACTIVITY_CHOICES,
  });
}
