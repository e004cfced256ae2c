// What a person sets for themself (preferred name, professional supervisor, working days, an NMC
// revalidation date) and, until HR's roster has them, how they describe their role. Saved only over
// the version they saw; a new line manager must confirm them again.
import type { StoredPerson, PersonPatch } from '../../store/people';
import type { AppDeps } from '../deps';
import { askManagerToConfirm, findLineManager, type SelfDescription } from './joiners';

export interface OwnSettings {
  preferredName: string;
  supervisorEmail: string;
  workingDays: number[];
  revalidationDate: string;
}

/** Saves their settings (and self-description, for someone not on the roster); answers the new version, or what is wrong. */
export async function saveOwnProfile(
  deps: Pick<AppDeps, 'people' | 'outbox'>, person: StoredPerson, settings: OwnSettings, about: (SelfDescription & { managerEmail: string }) | null,
): Promise<{ invalid: string[] } | { version: string }> {
  let supervisorId: string | null = null;
  if (settings.supervisorEmail) {
    const supervisor = await deps.people.findByEmail(person.tenantId, settings.supervisorEmail);
    if (!supervisor || supervisor.status === 'left') return { invalid: [`Weave couldn't find ${settings.supervisorEmail} in the staff directory.`] };
    if (supervisor.aadObjectId === person.aadObjectId) return { invalid: ["You can't be your own professional supervisor."] };
    supervisorId = supervisor.aadObjectId;
  }
  const patch: PersonPatch = {
    preferredName: settings.preferredName || null, supervisorId, workingDays: settings.workingDays, revalidationDate: settings.revalidationDate || null,
  };
  let newManagerId: string | null = null;
  if (about) {
    const manager = await findLineManager(deps, person.tenantId, person.aadObjectId, about.managerEmail);
    if ('invalid' in manager) return manager;
    const { managerEmail: _email, ...role } = about;
    Object.assign(patch, { ...role, managerId: manager.aadObjectId });
    // A new line manager has to confirm them again, even if the last one already had.
    if (manager.aadObjectId !== person.managerId) {
      newManagerId = manager.aadObjectId;
      Object.assign(patch, { status: 'pending', confirmedBy: null });
    }
  }
  const version = await deps.people.update(person.tenantId, person.aadObjectId, patch, person.etag);
  if (newManagerId) await askManagerToConfirm(deps, person, newManagerId, version);
  return { version };
}
