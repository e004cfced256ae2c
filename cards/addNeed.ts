import template from './templates/addNeed.json' with { type: 'json' };
import { COMMON_CORE } from '../core/commonCore';
import type { AdaptiveCardJson } from '../core/conversation';
import { FRAMEWORK_TAGS } from '../core/frameworks';
import { ACTIVITY_CHOICES, COMMON_CORE_CHOICES, formBanner } from './fragments';
import { expand } from './render';

export interface AddNeedValues {
  areas: string;
  subHeading: string;
  frameworkTag: string;
  description: string;
  priority: string;
  activityTypes: string;
  targetDate: string;
}

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
