// Check-ins after 4 and 12 weeks: have you met, was it useful? Then one tap opens `log cpd` with the
// kind of learning and the other person filled in (their reflection can be a social worker's peer
// reflection, whatever their profession).
import { z } from 'zod';
import { mentorCheckInCard } from '../../cards/mentoring';
import { noticeCard } from '../../cards/notice';
import { MENTORING_KINDS, type MentorMatch } from '../../core/mentoring';
import { nameOf } from '../../core/people';
import type { CardOf } from '../../app/cards';
import type { BotDeps } from '../context';
import { choice, typed } from '../../app/fields';
import { defineAction, issueCard, type CardFlow, type FormState } from './flow';
import { logCpdFlow } from './logCpd';
import { recordCheckIn } from '../../app/mentoring/checkIns';

const schema = z.object({
  met: choice('Have you met', ['yes', 'no']),
  useful: choice('Was it useful', ['very', 'somewhat', 'not'], { required: false }),
});

const ACTIVITY: Record<MentorMatch['kind'], string> = { mentoring: 'mentoring', shadowing: 'work_shadowing', coaching: 'coaching' };

async function load(deps: BotDeps, card: CardOf<'mentorCheckIn'>) {
  const match = await deps.mentoring.getMatch(card.tenantId, card.context.matchId);
  if (!match || (match.mentorId !== card.recipientId && match.menteeId !== card.recipientId)) return undefined;
  const other = await deps.people.get(card.tenantId, match.mentorId === card.recipientId ? match.menteeId : match.mentorId);
  return other ? { match, other, week: card.context.week } : undefined;
}

async function render(deps: BotDeps, card: CardOf<'mentorCheckIn'>, form?: FormState) {
  const l = await load(deps, card);
  if (!l) return noticeCard({ title: 'Nothing to answer', lines: ['This pairing is no longer in Weave.'] });
  const { match, other, week } = l;
  const mine = match.checkIns.find((c) => c.week === week && c.personId === card.recipientId);
  return mentorCheckInCard({
    cardId: card.cardId,
    eyebrow: `${MENTORING_KINDS[match.kind]}: ${week} weeks on`,
    title: `How is it going with ${nameOf(other)}?`,
    answered: !!mine,
    met: typed(form?.values, 'met', 3),
    useful: typed(form?.values, 'useful', 10),
    footer: mine
      ? 'Thank you. If you met, log it as CPD while it is fresh.'
      : 'Only Weave\'s L&D team sees the answers, as totals: it tells them whether mentoring across professions is working.',
    errors: form?.errors ?? [],
    note: form?.note ?? '',
  });
}

export const mentorCheckInFlow: CardFlow<'mentorCheckIn'> = {
  kind: 'mentorCheckIn',
  render,
  actions: {
    'checkin.save': defineAction({
      schema,
      closesCard: false,
      async handle({ deps }, card, input) {
        const l = await load(deps, card);
        if (!l) return { invalid: ['This pairing is no longer in Weave.'] };
        if (input.met === 'yes' && !input.useful) return { invalid: ['Was it useful: choose one.'] };
        await recordCheckIn(deps, l.match, l.week, card.recipientId, input.met === 'yes', (input.useful || null));
        return { card: await render(deps, card, { note: input.met === 'yes' ? 'Thanks: noted.' : "Thanks: noted. It's fine to get in touch with them again." }) };
      },
    }),
    'checkin.logCpd': defineAction({
      schema: z.object({}),
      closesCard: false,
      async handle({ deps }, card) {
        const l = await load(deps, card);
        if (!l) return { invalid: ['This pairing is no longer in Weave.'] };
        const { match, other } = l;
        const mentee = card.recipientId === match.menteeId;
        const title = `${MENTORING_KINDS[match.kind]} ${mentee ? 'with' : 'for'} ${nameOf(other)}`;
        return {
          card: await issueCard(deps, logCpdFlow, {
            tenantId: card.tenantId, recipientId: card.recipientId, ttlDays: 30,
            context: { model: 'what', prefill: { title, activityType: ACTIVITY[match.kind], peerName: nameOf(other), peerProfession: other.profession } },
          }),
        };
      },
    }),
  },
};
