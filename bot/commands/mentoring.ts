// Cross-profession mentoring in chat: offer it, ask for it, see where you stand, and (for L&D)
// run the matching now rather than waiting for Monday.
import { noticeCard } from '../../cards/notice';
import { describeCode } from '../../core/commonCore';
import { MENTORING_KINDS } from '../../core/mentoring';
import { isOpen } from '../../core/needs';
import { nameOf } from '../../core/people';
import { professionLabel } from '../../core/workforce';
import { runMentorMatching } from '../../app/mentoring/matchingRun';
import type { Asking } from '../context';
import { issueCard } from '../flows/flow';
import { mentorOfferFlow } from '../flows/mentorOffer';
import { mentorRequestFlow } from '../flows/mentorRequest';
import type { CommandDef } from './command';
import { agree, agreeOf } from '../../core/words';

export const offerMentoringCommand: CommandDef = {
  name: 'offer mentoring',
  aliases: ['offer shadowing', 'be a mentor', 'mentor offer'],
  summary: 'Offer mentoring, coaching or shadowing visits to colleagues from other professions.',
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const card = await issueCard(deps, mentorOfferFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30 });
    return [{ card, summary: 'Offer mentoring or shadowing' }];
  },
};

export const findMentorCommand: CommandDef = {
  name: 'find mentor',
  aliases: ['find a mentor', 'find shadowing', 'mentor me'],
  summary: 'Ask for a mentor, coach or shadowing visit from another profession, for needs in your plan.',
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const [needs, requests] = await Promise.all([
      deps.needs.listFor(turn.tenantId, turn.user.aadObjectId), deps.mentoring.listRequestsFor(turn.tenantId, turn.user.aadObjectId),
    ]);
    if (!needs.some(isOpen)) return [{ text: 'Mentors are matched to the learning needs in your plan. Add one first with **add need**, then type **find mentor**.' }];
    // One request in play at a time: the waiting one to change, or the proposed one to see.
    const open = requests.find((r) => r.status === 'waiting') ?? requests.find((r) => r.status === 'proposed');
    const card = await issueCard(deps, mentorRequestFlow, {
      tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30, context: { requestId: open?.requestId ?? deps.newId() },
    });
    return [{ card, summary: 'Find a mentor or shadowing visit' }];
  },
};

export const myMentoringCommand: CommandDef = {
  name: 'my mentoring',
  aliases: ['mentoring', 'my mentor', 'my mentees'],
  summary: 'See your mentoring: what you offer, what you asked for, and who you are paired with.',
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const me = turn.user.aadObjectId;
    const [offer, requests, matches] = await Promise.all([
      deps.mentoring.getOffer(turn.tenantId, me), deps.mentoring.listRequestsFor(turn.tenantId, me), deps.mentoring.listMatches(turn.tenantId),
    ]);
    const mine = matches.filter((m) => (m.mentorId === me || m.menteeId === me) && (m.status === 'proposed' || m.status === 'active'));
    const names = new Map((await Promise.all(mine.map((m) => deps.people.get(turn.tenantId, m.mentorId === me ? m.menteeId : m.mentorId)))).filter((p) => !!p).map((p) => [p.aadObjectId, p]));
    const facts: { title: string; value: string }[] = [];
    facts.push({ title: 'You offer', value: offer
      ? `${offer.kinds.map((k) => MENTORING_KINDS[k].toLowerCase()).join(', ')} in ${offer.strengths.map(describeCode).join(', ')}; up to ${offer.capacity} at once${offer.pausedUntil ? `; paused until ${offer.pausedUntil}` : ''}`
      : 'nothing yet (type offer mentoring)' });
    for (const r of requests.filter((x) => x.status === 'waiting' || x.status === 'proposed')) {
      facts.push({ title: `You asked for ${MENTORING_KINDS[r.kind].toLowerCase()}`, value: `${r.codes.map(describeCode).join(', ')}: ${r.status === 'proposed' ? 'someone has been proposed' : r.notYet ? `waiting. ${r.notYet}` : 'waiting for the next run'}` });
    }
    for (const m of mine) {
      const other = names.get(m.mentorId === me ? m.menteeId : m.mentorId);
      if (!other) continue;
      const role = m.mentorId === me ? 'You are mentoring' : 'Your mentor';
      facts.push({ title: m.status === 'proposed' ? 'Proposed' : role, value: `${nameOf(other)} (${professionLabel(other.profession)}, ${other.team}): ${MENTORING_KINDS[m.kind].toLowerCase()}` });
    }
    return [{
      card: noticeCard({
        title: 'Your mentoring',
        lines: ['Weave pairs people across professions, on needs and strengths, every Monday.'],
        facts,
        buttons: [{ title: 'Offer mentoring', command: 'offer mentoring' }, { title: 'Find a mentor', command: 'find mentor' }],
      }),
      summary: 'Your mentoring',
    }];
  },
};

export const runMatchingCommand: CommandDef = {
  name: 'run matching',
  aliases: ['match mentors', 'matching'],
  summary: 'Match everyone waiting for a mentor or shadowing now, instead of at Monday’s run.',
  audience: 'ld_admin',
  scopes: ['personal'],
  async run({ deps }: Asking) {
    const run = await runMentorMatching(deps);
    if (!run.result) return [{ text: 'A matching run is already under way. Try again in a few minutes.' }];
    // Reasons name need areas: one given to fewer people than the threshold is pooled, so no row is about one person.
    const t = deps.planPolicy.threshold;
    const tally = new Map<string, number>();
    for (const n of run.result.notYet) tally.set(n.reason, (tally.get(n.reason) ?? 0) + 1);
    const reasons = new Map<string, number>();
    for (const [reason, count] of tally) {
      const key = count >= t ? reason : `Other reasons, each for fewer than ${t} people`;
      reasons.set(key, (reasons.get(key) ?? 0) + count);
    }
    return [{
      card: noticeCard({
        title: 'Mentoring matched',
        tone: 'good',
        lines: [`${run.proposed} of ${run.waiting} waiting ${agree(run.waiting, 'person', 'people')} ${agreeOf(run.proposed, run.waiting, 'has', 'have')} a proposal; ${run.crossProfession} across professions. Both people in each pair are asked to accept.`],
        facts: [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([reason, count]) => ({ title: `Not yet (${count >= t ? count : `fewer than ${t}`})`, value: reason })),
      }),
      summary: 'Mentoring matched',
    }];
  },
};
