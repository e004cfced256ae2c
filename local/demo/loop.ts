// Supervision and appraisal closing their loop in the demo: every supervision held was confirmed by
// its supervisor the working day after; at Priya's latest, she and Dana agreed two actions (one of
// them learning, now in her plan); Tariq's latest (roster row 16) is waiting for Dana to say what
// happened, so Dana's next prompt run brings her the card; each appraisal of the last year left its
// ratings and what got in the way, and the plans they opened were agreed by both. Weave has known
// everyone since the history begins, so supervision frequency reads against a full twelve weeks.
import { addDays, addWorkingDays, workingCalendar, type IsoDate } from '../../core/calendar';
import { BARRIER_CODES, type Appraisal, type Barrier } from '../../core/appraisal';
import { AREA_CODES } from '../../core/commonCore';
import { deterministicId } from '../../core/ids';
import { isOpen, type LearningNeed } from '../../core/needs';
import type { Person } from '../../core/people';
import { planPeriodOf } from '../../core/planPeriod';
import { cadencePerson } from '../../core/sessionPlanning';
import { sessionKey, type AgreedAction } from '../../core/sessions';
import { zonedToInstant } from '../../core/zonedTime';
import type { Runtime } from '../../runtime/runtime';
import { staffId } from './personas';
import { latestHeld, type History } from './sessions';

/** How far back Weave has known the demo's people: as far as its history goes. */
const KNOWN_DAYS = 120;

/** What got in the way, as people said it: time and cover most often, as the research found. */
const SAID: Barrier[][] = [['time', 'cover'], ['time'], ['cover'], ['time', 'cost'], ['relevance'], ['none'], ['time', 'permission'], ['time', 'cover'], ['none']];

export interface Loop {
  /** Learning agreed at supervision: a need in the person's plan. */
  needs: LearningNeed[];
  agreed: { personId: string; date: IsoDate; actions: AgreedAction[] }[];
  appraisals: Appraisal[];
}

/**
 * Changes `history` as the after-session cards would have left it, and answers what else they left.
 * `needs` are the plans so far, for the appraisals' agreed items.
 */
export function demoLoop(policy: Runtime['policy'], people: readonly Person[], history: History, needs: readonly LearningNeed[], today: IsoDate, zone: string): Loop {
  const at = (date: IsoDate, time: string) => zonedToInstant(`${date}T${time}`, zone).toISOString();
  const byId = new Map(people.map((p) => [p.aadObjectId, p]));
  const loop: Loop = { needs: [], agreed: [], appraisals: [] };

  // Tariq's latest supervision waits for Dana's word: not held yet, so not his last held either.
  const tariq = latestHeld(history, staffId(16), 'supervision');
  if (tariq) {
    tariq.status = 'unconfirmed';
    for (const h of history.held.filter((x) => x.personId === tariq.personId && x.kind === 'supervision')) h.dates = h.dates.filter((d) => d !== tariq.date);
    for (const r of history.recorded.filter((x) => x.personId === tariq.personId)) r.lastHeld = history.held.find((x) => x.personId === tariq.personId)?.dates.at(-1) ?? null;
  }

  // Every other supervision held was confirmed the working day after.
  for (const s of history.sessions.filter((x) => x.kind === 'supervision' && x.status === 'held')) {
    const supervisor = s.supervisorId ? byId.get(s.supervisorId) : undefined;
    const confirmed = at(addWorkingDays(s.date, 1, workingCalendar(supervisor?.workingDays)), '09:40');
    s.outcome = { outcome: 'held', by: s.supervisorId ?? '', at: confirmed, actions: [], reason: null };
    s.afterSentAt = at(addWorkingDays(s.date, 1, workingCalendar(supervisor?.workingDays)), '08:30');
  }

  // Priya and Dana agreed two things at her latest.
  const priya = byId.get(staffId(11));
  const latest = priya && latestHeld(history, priya.aadObjectId, 'supervision');
  if (priya && latest?.outcome) {
    const key = sessionKey(latest);
    const learning: AgreedAction = {
      text: "Read the Family Justice Council's guidance on writing statements, and bring a draft", owner: 'person', due: addDays(today, 21), area: 'CC3',
      needId: deterministicId('supervision-action', key, '1'),
    };
    const actions: AgreedAction[] = [learning, { text: 'Arrange for Priya to observe a final hearing', owner: 'supervisor', due: addDays(today, 14), area: null, needId: null }];
    latest.outcome.actions = actions;
    loop.agreed.push({ personId: priya.aadObjectId, date: latest.date, actions });
    loop.needs.push({
      tenantId: priya.tenantId, personId: priya.aadObjectId, needId: learning.needId!, codes: ['CC3'], frameworkTag: null, description: learning.text,
      activityTypes: [], priority: 'medium', status: 'open', source: 'supervision', sourceRef: key, targetDate: learning.due,
      period: planPeriodOf(policy, cadencePerson(priya), latest.date).start, plan: null, dropReason: null, comments: [], history: [],
      createdAt: latest.outcome.at, updatedAt: latest.outcome.at,
    });
  }

  // Each appraisal of the last year: its ratings and what got in the way, and the plan it opened agreed by both.
  for (const [i, s] of history.sessions.filter((x) => x.kind === 'appraisal' && x.status === 'held').entries()) {
    const person = byId.get(s.personId);
    if (!person) continue;
    const period = planPeriodOf(policy, cadencePerson(person), addDays(s.date, 31)).start;
    const items = needs.filter((n) => n.personId === person.aadObjectId && n.period === period && isOpen(n))
      .map((n) => ({ needId: n.needId, description: n.description, codes: n.codes, status: n.status, decision: 'agreed' as const, comment: '' }));
    const agreedOn = addWorkingDays(s.date, 3, workingCalendar(person.workingDays));
    loop.appraisals.push({
      tenantId: person.tenantId, personId: person.aadObjectId, period, sessionKey: sessionKey(s), date: s.date, appraiserId: s.supervisorId,
      ratings: Object.fromEntries(AREA_CODES.filter((c) => s.answers?.[`sa_${c}`]).map((c) => [c, Number(s.answers![`sa_${c}`])])),
      barriers: SAID[i % SAID.length]!.filter((b) => BARRIER_CODES.includes(b)), barrierNote: '', feedback: '',
      status: 'agreed', items, reviewedAt: at(addWorkingDays(s.date, 1, workingCalendar(person.workingDays)), '11:00'), agreedAt: at(agreedOn, '15:20'),
    });
  }
  return loop;
}

export async function writeLoop(rt: Runtime, tenantId: string, loop: Loop, today: IsoDate): Promise<void> {
  await Promise.all(loop.needs.map((n) => rt.needs.save(n)));
  for (const a of loop.agreed) await rt.schedules.recordAgreed(tenantId, a.personId, a.date, a.actions);
  await Promise.all(loop.appraisals.map((a) => rt.appraisals.save(a)));
  const knownSince = addDays(today, -KNOWN_DAYS);
  for (const p of await rt.people.list(tenantId)) {
    const stored = await rt.people.get(tenantId, p.aadObjectId);
    if (stored) await rt.people.update(tenantId, p.aadObjectId, { knownSince }, stored.etag);
  }
}
