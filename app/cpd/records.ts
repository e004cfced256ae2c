// Logging a piece of CPD: checked against the rules a regulator would apply to a dated record,
// warned about (never saved with, unless confirmed) text that seems to identify a child, and linked
// to the needs it was for, which move on.
import { addMonths, type IsoDate } from '../../core/calendar';
import type { CpdRecord, ReflectionModel } from '../../core/cpd';
import { identifyingDetails } from '../../core/identifying';
import type { Profession } from '../../core/workforce';
import type { StoredNeed } from '../../store/needs';
import type { AppDeps } from '../deps';

export type NewRecord = Omit<CpdRecord, 'tenantId' | 'personId' | 'recordId' | 'reflectionModel' | 'reflection' | 'createdAt' | 'peer'> & {
  /** Who gave the peer reflection, if there is one: both, or neither. */
  peerName: string;
  peerProfession: string;
};

export type LogOutcome =
  | { invalid: string[] }
  /** Found what looks like a child's details: the excerpts and kinds to show, nothing saved. */
  | { identifying: ReturnType<typeof identifyingDetails> }
  | { record: CpdRecord };

export async function logCpd(
  deps: Pick<AppDeps, 'cpd' | 'needs' | 'clock' | 'log' | 'newId'>, owner: { tenantId: string; personId: string }, input: NewRecord & { confirmNotIdentifying: boolean },
  reflection: { model: ReflectionModel; text: Record<string, string> }, openNeeds: readonly StoredNeed[], today: IsoDate,
): Promise<LogOutcome> {
  const problems: string[] = [];
  if (input.date > today) problems.push("When: choose today or a day before; CPD is logged once it's happened.");
  if (input.date < addMonths(today, -72)) problems.push('When: choose a date in the last six years.');
  if (input.participatoryHours > input.hours) problems.push('Hours with others cannot be more than the hours in all.');
  const peerGiven = !!(input.peerName || input.peerProfession);
  if (input.peerReflection && (!input.peerName || !input.peerProfession)) problems.push('Peer reflection: give your peer\'s name and profession too.');
  if (peerGiven && !input.peerReflection) problems.push('Peer reflection: add what your peer reflected, or clear their name and profession.');
  if (input.needIds.some((id) => !openNeeds.some((n) => n.needId === id))) problems.push('Needs in your plan: choose from the list.');
  if (problems.length > 0) return { invalid: problems };

  const findings = identifyingDetails([input.title, ...Object.values(reflection.text), input.impactPractice, input.impactPeople, input.peerReflection]);
  if (findings.length > 0 && !input.confirmNotIdentifying) {
    // Counted, never quoted: the log must not hold what looked like a child's details.
    deps.log.info('cpd.identifying_warning', { findings: findings.length });
    return { identifying: findings };
  }

  const now = deps.clock.now().toISOString();
  const { confirmNotIdentifying: _confirmed, peerName, peerProfession, ...fields } = input;
  const peer = input.peerReflection ? { name: peerName, profession: peerProfession as Profession | 'other' } : null;
  const record: CpdRecord = { ...owner, ...fields, peer, recordId: deps.newId(), reflectionModel: reflection.model, reflection: reflection.text, createdAt: now };
  await deps.cpd.save(record);
  // Learning towards a need moves it on; whether it is met is the person's call.
  for (const need of openNeeds.filter((n) => input.needIds.includes(n.needId) && n.status !== 'in_progress')) {
    await deps.needs.update(need, { status: 'in_progress', updatedAt: now });
  }
  return { record };
}
