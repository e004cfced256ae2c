// Expands a card template (Adaptive Card templating language) with data from a typed builder.
// A template that asks for data its builder did not give is a bug, so it throws rather than
// sending a card with "${…}" showing in it.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../core/conversation';

export const CARD_VERSION = '1.5';

export function expand(template: object, data: object): AdaptiveCardJson {
  const missing: string[] = [];
  const previous = ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString;
  ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = (path: string) => {
    missing.push(path);
    return '';
  };
  try {
    const card = new ACData.Template(template).expand({ $root: data }) as AdaptiveCardJson;
    if (missing.length > 0) throw new Error(`card template used data it was not given: ${[...new Set(missing)].join(', ')}`);
    return card;
  } finally {
    ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = previous;
  }
}
