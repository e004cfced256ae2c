// Pieces more than one card shows: the error banner and the "about you" inputs.
import errorsTemplate from './templates/fragments/errors.json' with { type: 'json' };
import aboutYouTemplate from './templates/fragments/aboutYou.json' with { type: 'json' };
import { CAREER_STAGES, PROFESSIONS, REGISTRATION_BODIES } from '../core/workforce';
import { expand } from './render';

/** Server-side validation problems, shown above the inputs, which keep what was typed. */
export function errorBanner(errors: readonly string[]): object {
  return expand(errorsTemplate, { heading: errors.length === 1 ? 'Please fix this:' : 'Please fix these:', errors });
}

export interface AboutYouValues {
  jobTitle: string;
  profession: string;
  team: string;
  careerStage: string;
  registrationBody: string;
  registrationNumber: string;
  managerEmail: string;
}

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
