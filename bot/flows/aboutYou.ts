// "About you": how someone not yet on HR's roster describes their role, on the onboarding card
// and later on their profile. Shared validation, and the line manager's confirmation request.
import { z } from 'zod';
import { EMPTY_ABOUT_YOU, type AboutYouValues } from '../../cards/fragments';
import type { Person } from '../../core/people';
import { CAREER_STAGE_CODES, PROFESSION_CODES, REGISTRATION_BODY_CODES } from '../../core/workforce';
import type { StoredPerson } from '../../store/people';
import type { BotDeps } from '../context';
import { choice, email, text, typed } from '../../app/fields';

export const aboutYouSchema = z.object({
  jobTitle: text('Job title', { max: 200, required: true, noLinks: true }),
  profession: choice('Profession', PROFESSION_CODES),
  team: text('Team', { max: 100, required: true, noLinks: true }),
  careerStage: choice('Career stage', CAREER_STAGE_CODES),
  registrationBody: choice('Professional registration', REGISTRATION_BODY_CODES, { required: false }),
  registrationNumber: text('Registration number', { max: 50 })
    .refine((s) => /^[A-Za-z0-9 /-]*$/.test(s), 'Registration number may hold only letters, digits, spaces, "/" and "-".'),
  managerEmail: email("Your line manager's email", { required: true }),
});
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

/**
 * The named line manager, or the reason they can't be. Only someone on HR's roster and still here
 * can vouch for a newcomer: two people who introduced themselves cannot confirm each other.
 */
export async function findLineManager(deps: BotDeps, tenantId: string, selfId: string, managerEmail: string): Promise<StoredPerson | { invalid: string[] }> {
  const manager = await deps.people.findByEmail(tenantId, managerEmail);
  if (!manager || manager.status === 'left') {
    return { invalid: [`Weave couldn't find ${managerEmail} in the staff directory. Check the address with your line manager.`] };
  }
  if (manager.aadObjectId === selfId) return { invalid: ["You can't be your own line manager."] };
  if (manager.source !== 'roster' || manager.status !== 'active') {
    return { invalid: [`${managerEmail} isn't on HR's staff roster yet, so they can't confirm you. Name the manager HR has for you.`] };
  }
  return manager;
}

/**
 * Asks the named manager, in their own chat, to confirm a self-introduced person. `version` (the
 * person's ETag when they named this manager) makes a retried request send once but a new one send again.
 */
export async function askManagerToConfirm(deps: BotDeps, person: Person, managerId: string, version: string): Promise<void> {
  await deps.outbox.sendCard({
    tenantId: person.tenantId,
    batch: `joiner:${person.aadObjectId}:${managerId}:${version}`,
    recipientId: managerId,
    kind: 'joinerConfirm',
    context: { personId: person.aadObjectId },
  });
}
