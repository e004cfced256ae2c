// "About you": how someone not yet on HR's roster describes their role, on the onboarding card
// and later on their profile. Shared validation, and the line manager's confirmation request.
import { z } from 'zod';
import { EMPTY_ABOUT_YOU, type AboutYouValues } from '../../cards/fragments';
import type { Person } from '../../core/people';
import { CAREER_STAGE_CODES, PROFESSION_CODES, REGISTRATION_BODY_CODES } from '../../core/workforce';
import type { BotDeps } from '../context';
import { choice, email, text, typed } from '../../app/fields';
import type { AboutYouField } from '../../cards/fragments';

export const aboutYouSchema = z.object({
  jobTitle: text('Job title', { max: 200, required: true, noLinks: true }),
  profession: choice('Profession', PROFESSION_CODES),
  team: text('Team', { max: 100, required: true, noLinks: true }),
  careerStage: choice('Career stage', CAREER_STAGE_CODES),
  registrationBody: choice('Professional registration', REGISTRATION_BODY_CODES, { required: false }),
  registrationNumber: text('Registration number', { max: 50 })
    .refine((s) => /^[A-Za-z0-9 /-]*$/.test(s), 'Registration number may hold only letters, digits, spaces, "/" and "-".'),
  managerEmail: email("Your line manager's email", { required: true }),
} satisfies Record<AboutYouField, z.ZodType>);
export type AboutYouInput = z.infer<typeof aboutYouSchema>;

export function aboutYouValuesFrom(values: Record<string, unknown> | undefined, person?: Person, managerEmail = ''): AboutYouValues {
  if (values) {
    return Object.fromEntries(Object.keys(EMPTY_ABOUT_YOU).map((k) => [k, typed(values, k, 254)])) as unknown as AboutYouValues;
  }
  if (!person) return EMPTY_ABOUT_YOU;
  return {
    jobTitle: person.jobTitle, profession: person.profession, team: person.team, careerStage: person.careerStage,
    registrationBody: person.registrationBody, registrationNumber: person.registrationNumber, managerEmail,
  };
}

/** Team names people can pick from: the teams on HR's roster (never what other newcomers typed). */
export function knownTeams(deps: BotDeps, tenantId: string): Promise<string[]> {
  return deps.people.rosterTeams(tenantId);
}
