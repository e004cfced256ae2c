// A held supervision logged as CPD in one tap: a reflective discussion of the length the policy
// gives supervision, with what the person wrote to prepare as its reflection (What? So what? Now
// what?) and what was agreed. For an NMC registrant supervised by another NMC registrant it is the
// reflective discussion revalidation asks for; a social worker may count their supervisor's
// reflection on their practice as a peer reflection, but only when they say so.
import { supervisionMinutes } from '../../core/cadence';
import { policyOn } from '../../core/cadencePolicy';
import type { CpdRecord } from '../../core/cpd';
import { deterministicId } from '../../core/ids';
import { identifyingDetails } from '../../core/identifying';
import { nameOf, type Person } from '../../core/people';
import { cadencePerson } from '../../core/sessionPlanning';
import type { StoredSession } from '../../store/sessions';
import type { AppDeps } from '../deps';

/** Whether it counts as an NMC reflective discussion: both are NMC registrants. */
export const nmcDiscussion = (person: Pick<Person, 'registrationBody'>, supervisor: Pick<Person, 'registrationBody'> | undefined) =>
  person.registrationBody === 'nmc' && supervisor?.registrationBody === 'nmc';

/** Whether the person may count their supervisor's reflection as a peer reflection (Social Work England asks for one a year). */
export const peerReflectionOffered = (person: Pick<Person, 'registrationBody'>) => person.registrationBody === 'swe';

export type SessionCpdResult = { invalid: string[] } | { record: CpdRecord; leftOut: number };

export async function logSessionAsCpd(
  deps: Pick<AppDeps, 'cpd' | 'sessions' | 'needs' | 'policy' | 'clock' | 'log'>, session: StoredSession, person: Person, supervisor: Person | undefined,
  peer: { reflection: string } | null,
): Promise<SessionCpdResult> {
  if (session.personId !== person.aadObjectId || session.status !== 'held') return { invalid: ['Only a supervision that has been held can be logged.'] };
  if (session.cpdRecordId) return { invalid: ['This supervision is already in your CPD record.'] };
  if (peer && !peerReflectionOffered(person)) return { invalid: ['A peer reflection from supervision counts for social workers only.'] };
  if (peer && !peer.reflection) return { invalid: ['Say what your supervisor reflected on your practice, or untick it.'] };
  const a = session.answers ?? {};
  const actions = session.outcome?.actions ?? [];
  const agreed = actions.map((x) => x.text).join('; ');
  // What they wrote to prepare is its reflection, except anything that seems to name a child: left out, and said so.
  const candidates = { what: a.what ?? '', soWhat: a.soWhat ?? '', nowWhat: [a.nowWhat, agreed ? `Agreed: ${agreed}` : ''].filter(Boolean).join(' ') };
  const reflection = Object.fromEntries(Object.entries(candidates).map(([k, v]) => [k, identifyingDetails([v]).length > 0 ? '' : v]));
  const leftOut = Object.entries(candidates).filter(([k, v]) => v && !reflection[k]).length;
  const hours = supervisionMinutes(policyOn(deps.policy, session.date), cadencePerson(person)) / 60;
  const openNeeds = (await deps.needs.listFor(session.tenantId, person.aadObjectId)).filter((n) => actions.some((x) => x.needId === n.needId));
  const codes = [...new Set([...actions.flatMap((x) => (x.area ? [x.area] : [])), ...['need1Area', 'need2Area'].map((k) => a[k]).filter((c): c is string => !!c)])];
  const record: CpdRecord = {
    tenantId: session.tenantId, personId: person.aadObjectId, recordId: deterministicId('session-cpd', session.key),
    activityType: 'supervision', title: `Supervision${supervisor ? ` with ${nameOf(supervisor)}` : ''}`, date: session.date,
    hours, participatoryHours: hours, codes, needIds: openNeeds.map((n) => n.needId), reflectionModel: 'what', reflection,
    impactPractice: '', impactPeople: '',
    peer: peer && supervisor ? { name: nameOf(supervisor), profession: supervisor.profession } : null, peerReflection: peer?.reflection ?? '',
    includesFeedback: false, reflectiveDiscussion: nmcDiscussion(person, supervisor), createdAt: deps.clock.now().toISOString(),
  };
  // The record's id comes from the session, so a second tap writes the same record; the session's ETag lets only one say so.
  await deps.cpd.save(record);
  await deps.sessions.update(session, { cpdRecordId: record.recordId });
  deps.log.info('cpd.logged_from_session', { reflectiveDiscussion: record.reflectiveDiscussion, peer: !!record.peer, leftOut });
  return { record, leftOut };
}
