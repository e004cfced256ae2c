// `my pathway`: where someone is, where they would like to go, the next step and what it needs.
import template from './templates/pathway.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { plain } from '../core/text';
import { formBanner } from './fragments';
import { expand } from './render';

/** The inputs of the pathway card: declared once, for the template, its schema and its values. */
export const PATHWAY_FIELDS = ['target', 'share'] as const;
export type PathwayField = (typeof PATHWAY_FIELDS)[number];
export type PathwayValues = Record<PathwayField, string>;

export interface PathwayCardData {
  cardId: string;
  current: string;
  aim: string;
  facts: { title: string; value: string }[];
  leading: string[];
  roles: { value: string; label: string }[];
  values: PathwayValues;
  errors: readonly string[];
  note: string;
  canAdd: boolean;
  addNote: string;
}

export function pathwayCard(d: PathwayCardData): AdaptiveCardJson {
  return expand(template, { ...d, leading: d.leading.map(plain), errors: formBanner(d.errors) });
}
