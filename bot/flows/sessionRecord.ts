// The person's own record of a held supervision: what was agreed (theirs and their supervisor's to
// see, nobody else's), and logging it as CPD in one tap.
import { z } from 'zod';
import { sessionRecordCard, type SESSION_RECORD_FIELDS } from '../../cards/afterSession';
import { noticeCard } from '../../cards/notice';
import { formatDay } from '../../core/calendar';
import { supervisionMinutes } from '../../core/cadence';
import { policyOn } from '../../core/cadencePolicy';
import { firstName, nameOf } from '../../core/people';
import { cadencePerson } from '../../core/sessionPlanning';
import type { CardOf } from '../../app/cards';
import { text, toggle } from '../../app/fields';
import { todayFor } from '../../app/people/today';
import { describeAction } from '../../app/sessions/outcome';
import { logSessionAsCpd, nmcDiscussion, peerReflectionOffered } from '../../app/sessions/sessionCpd';
import type { BotDeps } from '../context';
import { defineAction, type CardFlow, type FormState } from './flow';

const logSchema = z.object({
  peerReflection: toggle(),
  peerText: text('What your supervisor reflected', { max: 2000, multiline: true }),
} satisfies Record<(typeof SESSION_RECORD_FIELDS)[number], z.ZodType>);

async function load(deps: BotDeps, card: CardOf<'sessionRecord'>) {
  const session = await deps.sessions.get(card.tenantId, card.context.sessionKey);
  const person = session && session.personId === card.recipientId ? await deps.people.get(card.tenantId, session.personId) : undefined;
  if (!session || !person) return undefined;
  const supervisorId = session.outcome?.by ?? session.supervisorId;
  const supervisor = supervisorId ? await deps.people.get(card.tenantId, supervisorId) : undefined;
  return { session, person, supervisor };
}

async function render(deps: BotDeps, card: CardOf<'sessionRecord'>, form?: FormState) {
  const l = await load(deps, card);
  if (!l || l.session.status !== 'held') return noticeCard({ title: 'Nothing to show', lines: ['This supervision is no longer in Weave.'] });
  const { session, person, supervisor } = l;
  const today = await todayFor(deps, card.tenantId, card.recipientId);
  const who = supervisor ? firstName(supervisor) : 'your supervisor';
  const hours = supervisionMinutes(policyOn(deps.policy, session.date), cadencePerson(person)) / 60;
  const discussion = nmcDiscussion(person, supervisor) ? ` As ${who} is an NMC registrant too, it counts as the reflective discussion for your revalidation.` : '';
  const logged = !!session.cpdRecordId;
  return sessionRecordCard({
    cardId: card.cardId,
    eyebrow: 'Supervision held',
    title: `Supervision${supervisor ? ` with ${nameOf(supervisor)}` : ''} on ${formatDay(session.date, today)}`,
    note: form?.note ?? '',
    errors: form?.errors ?? [],
    actions: (session.outcome?.actions ?? []).map((a) => `• ${describeAction(a, 'you', today)}`),
    cpd: logged
      ? `In your CPD record: ${hours} hours of supervision.${discussion}`
      : `Log it as CPD in one tap: ${hours} hours of supervision, a reflective discussion, with what you wrote to prepare as its reflection.${discussion}`,
    canLog: !logged,
    peer: !logged && peerReflectionOffered(person) && supervisor
      ? { title: `${who} reflected on my practice with me: count it as my peer reflection`, label: `What ${who} reflected (only if you tick it; up to 2,000 characters)` }
      : null,
    footer: `Only you and ${who} see what was agreed. Learning you agreed is in your plan: type my plan.`,
  });
}

export const sessionRecordFlow: CardFlow<'sessionRecord'> = {
  kind: 'sessionRecord',
  render,
  actions: {
    'record.logCpd': defineAction({
      schema: logSchema,
      closesCard: false,
      async handle({ deps }, card, input) {
        const l = await load(deps, card);
        if (!l) return { invalid: ['This supervision is no longer in Weave.'] };
        const logged = await logSessionAsCpd(deps, l.session, l.person, l.supervisor, input.peerReflection ? { reflection: input.peerText } : null);
        if ('invalid' in logged) return logged;
        const leftOut = logged.leftOut > 0 ? " Part of what you wrote to prepare seemed to name someone, so it was left out of the record's reflection." : '';
        return { card: await render(deps, card, { note: `Logged in your CPD record.${logged.record.peer ? ' It has your peer reflection.' : ''}${leftOut}` }) };
      },
    }),
  },
};
