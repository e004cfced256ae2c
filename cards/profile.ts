import template from './templates/profile.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { aboutYouInputs, banner, formBanner, type AboutYouValues } from './fragments';
import { expand } from './render';

/** The inputs of one's own profile settings (workingDays: comma-separated ISO weekdays, as a multi-select holds them): declared once, for the card template, its input schema and its values. */
export const PROFILE_SETTINGS_FIELDS = ['preferredName', 'supervisorEmail', 'workingDays', 'revalidationDate'] as const;
export type ProfileSettingsField = (typeof PROFILE_SETTINGS_FIELDS)[number];
export type ProfileSettingsValues = Record<ProfileSettingsField, string>;

export interface ProfileCardData {
  cardId: string;
  /** The card's heading. */
  name: string;
  status: string;
  /** HR's record, read-only; empty for someone not on the roster yet. */
  facts: { title: string; value: string }[];
  /** For someone not on the roster yet: their own description of their role, editable. */
  aboutYou: { values: AboutYouValues; teams: readonly string[] } | null;
  settings: ProfileSettingsValues;
  /** An NMC registrant: they can give their revalidation date. */
  nmc: boolean;
  errors: readonly string[];
  savedNote: string;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((label, i) => ({ code: String(i + 1), label }));

export function profileCard(data: ProfileCardData): AdaptiveCardJson {
  return expand(template, {
    cardId: data.cardId,
    title: data.name,
    status: data.status,
    errors: formBanner(data.errors, banner('good', data.savedNote)),
    facts: data.facts,
    hrNote: data.aboutYou
      ? "You're not on HR's roster yet, so you can change these yourself. Once HR adds you, they come from the roster."
      : 'These details come from HR. If something is wrong, ask HR to correct the staff roster and Weave will pick it up.',
    aboutYou: data.aboutYou ? aboutYouInputs(data.aboutYou.values, data.aboutYou.teams) : { type: 'Container', isVisible: false, items: [] },
    values: data.settings,
    weekdays: WEEKDAYS,
    nmc: data.nmc,
  });
}
