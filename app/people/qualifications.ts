// Qualifications people hold: the roster's, and those a person adds for their line manager to
// confirm. Nobody confirms their own, and only whoever manages them now can confirm.
import { isProfessionallyQualified, qualificationLine, type RqfLevel } from '../../core/qualifications';
import type { Person } from '../../core/people';
import type { StoredQualification } from '../../store/qualifications';
import type { AppDeps } from '../deps';

export interface NewQualification {
  level: RqfLevel;
  title: string;
  awardedOn: string;
  professional: boolean;
}

/** The person adds one; it waits for their line manager, who is asked on a card. */
export async function addQualification(deps: Pick<AppDeps, 'qualifications' | 'outbox' | 'clock' | 'newId'>, person: Person, input: NewQualification, today: string): Promise<{ invalid: string[] } | { qualificationId: string; managerId: string }> {
  if (!person.managerId) return { invalid: ["Your line manager confirms a qualification, and Weave doesn't know who yours is yet. Ask HR, or name them in your profile."] };
  if (input.awardedOn && input.awardedOn > today) return { invalid: ['Awarded: choose a date that has passed.'] };
  const qualificationId = deps.newId();
  await deps.qualifications.save({
    tenantId: person.tenantId, personId: person.aadObjectId, qualificationId, level: input.level, title: input.title, awardedOn: input.awardedOn || null,
    professional: input.professional, source: 'self', status: 'pending', confirmedBy: null, createdAt: deps.clock.now().toISOString(),
  });
  await deps.outbox.sendCard({
    tenantId: person.tenantId, batch: `qualification|${person.aadObjectId}|${qualificationId}`, recipientId: person.managerId,
    kind: 'qualificationConfirm', context: { personId: person.aadObjectId, qualificationId },
  });
  return { qualificationId, managerId: person.managerId };
}

/** The manager's answer. The card's audience has checked they manage the person; this refuses anyone confirming their own. */
export async function answerQualification(deps: Pick<AppDeps, 'qualifications' | 'outbox'>, q: StoredQualification, by: { id: string; name: string }, confirm: boolean): Promise<{ invalid: string[] } | { status: 'confirmed' | 'declined' }> {
  if (by.id === q.personId) return { invalid: ['Nobody can confirm their own qualification: your line manager does.'] };
  if (q.status !== 'pending') return { invalid: [`This qualification was already ${q.status}.`] };
  const status = confirm ? 'confirmed' : 'declined';
  await deps.qualifications.setStatus(q, status, by.id);
  await deps.outbox.sendText(q.tenantId, `qualification-${status}|${q.personId}|${q.qualificationId}`, q.personId, confirm
    ? `${by.name} confirmed your qualification: ${qualificationLine(q)}.`
    : `${by.name} did not confirm your qualification (${qualificationLine(q)}). Have a word with them, then type **qualifications** to add it again if need be.`);
  return { status };
}

/** Who is professionally qualified, for the equity view: registered, or a confirmed professional qualification. */
export async function professionallyQualified(deps: Pick<AppDeps, 'qualifications'>, tenantId: string, people: readonly Pick<Person, 'aadObjectId' | 'registrationBody'>[]): Promise<Set<string>> {
  const all = await deps.qualifications.listAll(tenantId);
  const byPerson = new Map<string, StoredQualification[]>();
  for (const q of all) byPerson.set(q.personId, [...(byPerson.get(q.personId) ?? []), q]);
  return new Set(people.filter((p) => isProfessionallyQualified(p, byPerson.get(p.aadObjectId) ?? [])).map((p) => p.aadObjectId));
}


