// Pieces more than one card shows: the error banner and the "about you" inputs.
import bannerTemplate from './templates/fragments/banner.json' with { type: 'json' };
import aboutYouTemplate from './templates/fragments/aboutYou.json' with { type: 'json' };
import needTemplate from './templates/fragments/needInputs.json' with { type: 'json' };
import wellbeingTemplate from './templates/fragments/wellbeing.json' with { type: 'json' };
import promptActionsTemplate from './templates/fragments/promptActions.json' with { type: 'json' };
import { ACTIVITY_TYPES } from '../core/activities';
import { COMMON_CORE } from '../core/commonCore';
import { CAREER_STAGES, PROFESSIONS, REGISTRATION_BODIES } from '../core/workforce';
import { expand } from './render';

/**
 * A highlighted note at the top of a card: a heading and lines under it; hidden when both are empty.
 * `attention` is kept for what to fix (formBanner): news that asks for action is `accent`.
 */
export function banner(style: 'accent' | 'good', heading: string, lines: readonly string[] = []): object {
  return boxed(style, heading, lines);
}

function boxed(style: 'attention' | 'accent' | 'good', heading: string, lines: readonly string[]): object {
  return expand(bannerTemplate, { style, heading, lines, visible: heading !== '' || lines.length > 0 });
}

const NOTHING_TO_SAY = banner('accent', '');

/**
 * What a form shows above its inputs: server-side validation problems if there are any (the inputs
 * keep what was typed), otherwise `otherwise` (a saved note, a reminder) — or nothing at all, so a
 * form never opens with an empty "Please fix these:".
 */
export function formBanner(errors: readonly string[], otherwise: object = NOTHING_TO_SAY): object {
  if (errors.length === 0) return otherwise;
  return boxed('attention', errors.length === 1 ? 'Please fix this:' : 'Please fix these:', errors);
}

/**
 * How a tone shows on a card. Teams draws "Good" (#92c353) and "Warning" text too pale to read on
 * white (WCAG AA needs 4.5:1), so good news is default text on a good-styled container instead.
 */
export function toneOf(tone: 'default' | 'good' | 'attention'): { color: 'Default' | 'Attention'; style: 'default' | 'good' } {
  return { default: { color: 'Default', style: 'default' }, good: { color: 'Default', style: 'good' }, attention: { color: 'Attention', style: 'default' } }[tone] as never;
}

export interface NeedValues {
  area: string;
  text: string;
  activity: string;
}

export const COMMON_CORE_CHOICES = COMMON_CORE.map((a) => ({ code: a.code, label: `${a.code} ${a.short}` }));
export const ACTIVITY_CHOICES = Object.entries(ACTIVITY_TYPES).map(([code, label]) => ({ code, label }));

/** One learning need's inputs: area, what, how. Input ids are the prefix plus Area, Text, Activity. */
export function needInputs(prefix: string, heading: string, values: NeedValues): object {
  return expand(needTemplate, { prefix, heading, ...values, areas: COMMON_CORE_CHOICES, activities: ACTIVITY_CHOICES });
}

export function wellbeingInputs(note: string, value: string, noteValue: string): object {
  return expand(wellbeingTemplate, { note, value, noteValue });
}

export interface PromptVerbs {
  submit: string;
  snooze: string;
  moved: string;
}

const promptActionsCard = { actions: promptActionsTemplate } as unknown as object;

/** Submit, Snooze and Not happening: the three things a prompt lets a person do. */
export function promptActions(cardId: string, verbs: PromptVerbs, submitTitle: string, minDate: string, snoozable: boolean): object[] {
  return expand(promptActionsCard, { cardId, verbs, submitTitle, minDate, snoozable }).actions as unknown as object[];
}

/** The inputs of how someone not yet on the roster describes their role: declared once, for the card template, its input schema and its values. */
export const ABOUT_YOU_FIELDS = ['jobTitle', 'profession', 'team', 'careerStage', 'registrationBody', 'registrationNumber', 'managerEmail'] as const;
export type AboutYouField = (typeof ABOUT_YOU_FIELDS)[number];
export type AboutYouValues = Record<AboutYouField, string>;

export const EMPTY_ABOUT_YOU: AboutYouValues = {
  jobTitle: '', profession: '', team: '', careerStage: '', registrationBody: 'none', registrationNumber: '', managerEmail: '',
};

const options = (labels: Record<string, string>) => Object.entries(labels).map(([code, label]) => ({ code, label }));

export function aboutYouInputs(values: AboutYouValues, teams: readonly string[]): object {
  return expand(aboutYouTemplate, {
    values,
    professions: options(PROFESSIONS),
    careerStages: options(CAREER_STAGES),
    registrationBodies: options(REGISTRATION_BODIES),
    teams: values.team && !teams.includes(values.team) ? [...teams, values.team] : teams,
  });
}
