// Someone not yet on HR's roster introduces themself in Teams; the line manager they name (who must be
// on the roster) confirms or declines them. Until then they are pending.
import { DEFAULT_WORKING_DAYS, type Person } from '../../core/people';
import type { CareerStage, Profession, RegistrationBody } from '../../core/workforce';
import { localDate } from '../../core/zonedTime';
import type { StoredPerson } from '../../store/people';
import type { AppDeps } from '../deps';
import { addInductionItems, standingsFor } from '../mandatory/standing';

/** How a newcomer describes their role, until HR's roster says. */
export interface SelfDescription {
  jobTitle: string;
  profession: Profession;
  team: string;
  careerStage: CareerStage;
  registrationBody: RegistrationBody;
  registrationNumber: string;
}

/**
 * The named line manager, or the reason they can't be. Only someone on HR's roster and still here
 * can vouch for a newcomer: two people who introduced themselves cannot confirm each other.
 */
export async function findLineManager(deps: Pick<AppDeps, 'people'>, tenantId: string, selfId: string, managerEmail: string): Promise<StoredPerson | { invalid: string[] }> {
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
export async function askManagerToConfirm(deps: Pick<AppDeps, 'outbox'>, person: Person, managerId: string, version: string): Promise<void> {
  await deps.outbox.sendCard({
    tenantId: person.tenantId,
    batch: `joiner:${person.aadObjectId}:${managerId}:${version}`,
    recipientId: managerId,
    kind: 'joinerConfirm',
    context: { personId: person.aadObjectId },
  });
}

/** Records a newcomer as pending and asks their manager; false if they were recorded already. */
export async function introduceSelf(
  deps: Pick<AppDeps, 'people' | 'outbox' | 'log' | 'clock' | 'config'>, who: { tenantId: string; aadObjectId: string; email: string; name: string }, about: SelfDescription, manager: StoredPerson,
): Promise<Person | null> {
  const newcomer: Person = {
    tenantId: who.tenantId, aadObjectId: who.aadObjectId, email: who.email, displayName: who.name, ...about, service: '', managerId: manager.aadObjectId,
    startDate: null, roles: ['practitioner'], status: 'pending', source: 'self', leftOn: null, confirmedBy: null, preferredName: null, supervisorId: null,
    workingDays: DEFAULT_WORKING_DAYS, revalidationDate: null, knownSince: localDate(deps.clock.now(), deps.config.timeZone),
  };
  if (!(await deps.people.addSelfIntroduced(newcomer))) return null;
  await askManagerToConfirm(deps, newcomer, manager.aadObjectId, 'introduced');
  deps.log.info('person.introduced', { profession: newcomer.profession });
  return newcomer;
}

/**
 * The manager confirms the joiner is in their team; the joiner is told, and their induction set is in
 * their plan from this first day (the daily mandatory-reminders job does the same for roster joiners).
 */
export async function confirmJoiner(deps: Pick<AppDeps, 'people' | 'outbox' | 'cpd' | 'mandatory' | 'needs' | 'policy' | 'clock' | 'config'>, person: StoredPerson, manager: { id: string; name: string }): Promise<void> {
  await deps.people.update(person.tenantId, person.aadObjectId, { status: 'active', confirmedBy: manager.id }, person.etag);
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  const active: Person = { ...person, status: 'active', confirmedBy: manager.id };
  const inducted = await addInductionItems(deps, active, await standingsFor(deps, active, today), today);
  await deps.outbox.sendText(person.tenantId, `joiner-confirmed:${person.aadObjectId}`, person.aadObjectId,
    `${manager.name} confirmed you're in their team. Welcome to Weave!${inducted > 0 ? ' Your induction set is in your plan: type **my plan** to see it.' : ''}`);
}

/** The manager says the joiner is not theirs; the joiner is asked to name their manager again. */
export async function declineJoiner(deps: Pick<AppDeps, 'people' | 'outbox'>, person: StoredPerson, manager: { id: string; name: string }): Promise<void> {
  await deps.people.update(person.tenantId, person.aadObjectId, { managerId: null }, person.etag);
  await deps.outbox.sendText(person.tenantId, `joiner-declined:${person.aadObjectId}:${manager.id}:${person.etag}`, person.aadObjectId,
    `${manager.name} says you're not in their team. Type **profile** to name your line manager again.`);
}
