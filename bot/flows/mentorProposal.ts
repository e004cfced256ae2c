// A proposed pairing, as each of the two people sees it: who, why, accept or decline. When both
// accept they are introduced, with a link to start a Teams chat; a decline puts the request back
// in the pool without this pair.
import { z } from 'zod';
import { mentorProposalCard } from '../../cards/mentoring';
import { noticeCard } from '../../cards/notice';
import { describeCode } from '../../core/commonCore';
import { MENTORING_KINDS, type MentorMatch } from '../../core/mentoring';
import { firstName, nameOf, type Person } from '../../core/people';
import { professionLabel } from '../../core/workforce';
import type { CardOf } from '../../app/cards';
import type { Stored } from '../../store/mentoring';
import { ConcurrencyError } from '../../store/errors';
import type { BotDeps } from '../context';
import { text, typed } from '../../app/fields';
import { defineAction, type CardFlow, type FormState } from './flow';
import { acceptPair, declinePair } from '../../app/mentoring/pairing';

type Role = 'mentor' | 'mentee';

interface Loaded {
  match: Stored<MentorMatch>;
  role: Role;
  me: Person;
  other: Person;
  /** The mentor's strengths in their own words, for the mentee. */
  offerText: string;
}

async function load(deps: BotDeps, card: CardOf<'mentorProposal' | 'mentorIntro'>): Promise<Loaded | undefined> {
  const match = await deps.mentoring.getMatch(card.tenantId, card.context.matchId);
  const role: Role = card.context.role === 'mentor' ? 'mentor' : 'mentee';
  if (!match || (role === 'mentor' ? match.mentorId : match.menteeId) !== card.recipientId) return undefined;
  const [me, other] = await Promise.all([
    deps.people.get(card.tenantId, card.recipientId),
    deps.people.get(card.tenantId, role === 'mentor' ? match.menteeId : match.mentorId),
  ]);
  const offer = role === 'mentee' ? await deps.mentoring.getOffer(card.tenantId, match.mentorId) : undefined;
  return me && other ? { match, role, me, other, offerText: offer?.strengthsText ?? '' } : undefined;
}

const gone = () => noticeCard({ title: 'Nothing to answer', lines: ['This proposal is no longer in Weave.'] });

function what(match: MentorMatch): string {
  return MENTORING_KINDS[match.kind].toLowerCase();
}

/** What a proposal becomes once it is settled one way or the other. */
function settled(l: Loaded): ReturnType<typeof noticeCard> | undefined {
  const { match, role, other } = l;
  const mine = role === 'mentor' ? match.mentorAnswer : match.menteeAnswer;
  if (match.status === 'active') return introductionCard(l);
  if (match.status === 'declined') {
    return noticeCard({ title: 'Not going ahead', lines: [match.declinedBy === l.me.aadObjectId ? 'You declined this proposal.' : `${firstName(other)} couldn't take this on.`] });
  }
  if (match.status === 'expired') return noticeCard({ title: 'Not going ahead', lines: ['This proposal lapsed without both answers.'] });
  if (match.status === 'ended') return noticeCard({ title: 'Finished', lines: [`Your ${what(match)} with ${nameOf(other)} has finished.`] });
  if (mine === 'accepted') return noticeCard({ title: 'Accepted', tone: 'good', lines: [`Weave will introduce you once ${firstName(other)} accepts too.`] });
  return undefined;
}

/** Both said yes: who, why, and a link that opens a Teams chat with the other person. */
export function introductionCard(l: Pick<Loaded, 'match' | 'role' | 'other'>): ReturnType<typeof noticeCard> {
  const { match, role, other } = l;
  const message = role === 'mentee'
    ? `Hello ${firstName(other)}, Weave matched us for ${what(match)}. When would suit you to meet?`
    : `Hello ${firstName(other)}, Weave matched us for ${what(match)}. When would suit you to meet?`;
  const chat = `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(other.email)}&message=${encodeURIComponent(message)}`;
  return noticeCard({
    title: `You're matched with ${nameOf(other)}`,
    tone: 'good',
    lines: [
      `${role === 'mentee' ? 'Your' : 'Their'} ${what(match)}: ${match.codes.map(describeCode).join(', ')}.`,
      `Agree how and when to meet. Afterwards, log it with **log cpd**: for social workers a colleague from another profession who knows your practice can give the peer reflection.`,
      'Weave will check in with you both after 4 and 12 weeks.',
    ],
    facts: [
      { title: 'Who', value: `${nameOf(other)}, ${other.jobTitle}` },
      { title: 'Profession', value: professionLabel(other.profession) },
      { title: 'Team', value: other.team },
    ],
    links: [{ title: `Chat with ${firstName(other)}`, url: chat }],
  });
}

async function render(deps: BotDeps, card: CardOf<'mentorProposal' | 'mentorIntro'>, form?: FormState) {
  const l = await load(deps, card);
  if (!l) return gone();
  const done = settled(l);
  if (done) return done;
  const { match, role, other } = l;
  const learning = match.codes.map(describeCode).join(', ');
  return mentorProposalCard({
    cardId: card.cardId,
    eyebrow: match.sameProfession ? 'Mentoring and shadowing' : 'Mentoring and shadowing across professions',
    title: role === 'mentee'
      ? `${nameOf(other)} could help with your learning`
      : match.kind === 'shadowing' ? `Would you host a shadowing visit for ${nameOf(other)}?` : `Would you ${match.kind === 'coaching' ? 'coach' : 'mentor'} ${nameOf(other)}?`,
    facts: [
      { title: 'Who', value: `${nameOf(other)}, ${other.jobTitle}` },
      { title: 'Profession', value: professionLabel(other.profession) },
      { title: 'Team', value: other.team },
      { title: 'What', value: MENTORING_KINDS[match.kind] },
      { title: role === 'mentee' ? 'For your learning in' : 'They would like to learn', value: learning },
      ...(role === 'mentee' && l.offerText ? [{ title: 'In their words', value: l.offerText }] : []),
    ],
    reasons: match.reasons,
    footer: `Please answer within ${deps.mentoringPolicy.replyWorkingDays} working days. Declining is fine: Weave looks again at the next run. If you decline, ${firstName(other)} is told only that it isn't going ahead, never your reason.`,
    errors: form?.errors ?? [],
    notice: form?.notice ?? null,
    reason: typed(form?.values, 'reason', 2000),
  });
}

/** Records one person's answer; when both have accepted, introduces them. */
async function answer(deps: BotDeps, card: CardOf<'mentorProposal' | 'mentorIntro'>, accepted: boolean, reason: string) {
  const l = await load(deps, card);
  if (!l) return { card: gone() };
  const done = settled(l);
  if (done) return { card: done };
  const { match, role, me, other } = l;
  if (!accepted) {
    await declinePair(deps, match, role, me, other, reason, what);
    return { card: noticeCard({ title: 'Declined', lines: [role === 'mentor' ? 'Thank you for saying. Weave will look for someone else for them.' : "Weave will look for someone else at the next run, and won't propose this pairing again."] }) };
  }
  const { match: updated, both } = await acceptPair(deps, match, role, other);
  if (!both) return { card: noticeCard({ title: 'Accepted', tone: 'good', lines: [`Weave will introduce you once ${firstName(other)} accepts too.`] }) };
  return { card: introductionCard({ match: updated, role, other }) };
}

export const mentorProposalFlow: CardFlow<'mentorProposal'> = {
  kind: 'mentorProposal',
  render,
  actions: {
    'mentor.accept': defineAction({
      schema: z.object({}),
      closesCard: true,
      // Both pressing Accept at the same moment: the second reads the first's answer and tries again.
      handle: ({ deps }, card) => answer(deps, card, true, '').catch((err: unknown) => {
        if (err instanceof ConcurrencyError) return answer(deps, card, true, '');
        throw err;
      }),
    }),
    'mentor.decline': defineAction({
      schema: z.object({ reason: text('Why', { max: 300, multiline: true }) }),
      closesCard: true,
      handle: ({ deps }, card, input) => answer(deps, card, false, input.reason),
    }),
  },
};

/** The introduction the other person receives when the second acceptance arrives. */
export const mentorIntroFlow: CardFlow<'mentorIntro'> = {
  kind: 'mentorIntro',
  async render(deps, card) {
    const l = await load(deps, card);
    return l ? introductionCard(l) : gone();
  },
  actions: {},
};
