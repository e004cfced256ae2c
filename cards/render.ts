// Expands a card template (Adaptive Card templating language) with data from a typed builder.
// A template that asks for data its builder did not give is a bug, so it throws rather than
// sending a card with "${…}" showing in it.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../core/conversation';

export const CARD_VERSION = '1.5';

/**
 * Each template parsed once: parsing every `${…}` again on every card was a fifth of a turn's CPU.
 * Expansion builds new objects and never changes the parsed template, so one can be reused.
 */
const parsed = new WeakMap<object, ACData.Template>();

function parsedTemplate(template: object): ACData.Template {
  let found = parsed.get(template);
  if (!found) {
    found = new ACData.Template(template);
    parsed.set(template, found);
  }
  return found;
}

export function expand(template: object, data: object): AdaptiveCardJson {
  const missing: string[] = [];
  const previous = ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString;
  ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = (path: string) => {
    missing.push(path);
    return '';
  };
  try {
    const card = parsedTemplate(template).expand({ $root: data }) as AdaptiveCardJson;
    if (missing.length > 0) throw new Error(`card template used data it was not given: ${[...new Set(missing)].join(', ')}`);
    return card;
  } finally {
    ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = previous;
  }
}
