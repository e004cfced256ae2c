// The plan digests, rendered when they are sent so they carry the latest figures: a team's
// (aggregate, for its channel), a manager's (their reports by name, for them alone), and the
// organisation's (for L&D). Plus linking a channel to a team's digest.
import { z } from 'zod';
import { managerDigestCard, orgPlanCard, teamDigestCard, type ManagerDigestPerson } from '../../cards/plans';
import { noticeCard } from '../../cards/notice';
import { activityLabel } from '../../core/activities';
import { addDays, addMonths, formatDate, type IsoDate } from '../../core/calendar';
import { describeCode } from '../../core/commonCore';
import type { ConversationRef } from '../../core/conversation';
import { teamDigest } from '../../core/digest';
import { MENTORING_KINDS } from '../../core/mentoring';
import { OFFER_FORMATS } from '../../core/offers';
import { isOpen } from '../../core/needs';
import type { OrgPlan } from '../../core/orgPlan';
import { nameOf, roleOf, type Person } from '../../core/people';
import type { CardOf } from '../../app/cards';
import type { BotDeps } from '../context';
import { leadOf, loadRollup, orgPlanOf, teamLedBy } from '../../app/plans/rollup';
import { needHeading } from '../../views/plan';
import { defineAction, type CardFlow } from './flow';
import { agreeOf, plural } from '../../core/words';

const periodOf = (card: CardOf<'teamDigest' | 'managerDigest' | 'orgPlan'>) => card.context.period;
const weekOf = (period: IsoDate) => `Week of ${formatDate(period)}`;

export const teamDigestFlow: CardFlow<'teamDigest'> = {
  kind: 'teamDigest',
  async render(deps, card) {
    const team = card.context.team;
    const period = periodOf(card);
    const plan = await deps.plans.getTeamPlan(card.tenantId, team, period);
    if (!plan) return noticeCard({ title: 'No digest', lines: ['This week\'s plan for the team is not in Weave.'] });
    const previous = await deps.plans.getTeamPlan(card.tenantId, team, addDays(period, -7));
    const t = deps.planPolicy.threshold;
    return teamDigestCard({ ...teamDigest(plan, previous ?? null, t), eyebrow: weekOf(period), threshold: t, offers: await upcomingOffersFor(deps, team, period) });
  },
  actions: {},
};

/** Learning offers open to the team, still taking bookings: what the digest says is coming up. */
async function upcomingOffersFor(deps: BotDeps, team: string, period: IsoDate): Promise<string[]> {
  const offers = await deps.offers.list(deps.config.tenantId);
  return offers
    .filter((o) => (o.status === 'sending' || o.status === 'sent') && o.closesOn >= period && (o.audience.teams.length === 0 || o.audience.teams.includes(team)))
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, 3)
    .map((o) => `${o.title}: ${OFFER_FORMATS[o.format].toLowerCase()}, ${formatDate(o.date)} (${o.codes.map(describeCode).join(', ')})`);
}

/**
 * A line manager's direct reports, by name, with their needs and how they are getting on: for the
 * line manager alone (a professional supervisor sees supervision, not this). Read with queries for
 * just these people, since every manager's digest is drawn as it is sent.
 */
export async function managerDigest(deps: BotDeps, managerId: string, tenantId: string, period: IsoDate) {
  const reports = (await deps.people.listDirectReports(tenantId, managerId)).filter((p) => p.status !== 'left' && p.aadObjectId !== managerId)
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const since = addDays(period, -deps.planPolicy.completionWindowDays);
  const quarterAgo = addMonths(period, -3);
  let withNeeds = 0;
  const areaCounts = new Map<string, number>();
  const people: (ManagerDigestPerson & { id: string })[] = [];
  for (const p of reports) {
    const [needs, cpd, sessions, requests, matches] = await Promise.all([
      deps.needs.listFor(tenantId, p.aadObjectId), deps.cpd.listFor(tenantId, p.aadObjectId),
      deps.sessions.listForPerson(tenantId, p.aadObjectId, since, addDays(period, -1)),
      deps.mentoring.listRequestsFor(tenantId, p.aadObjectId), deps.mentoring.listMatchesFor(tenantId, p.aadObjectId),
    ]);
    const open = needs.filter(isOpen);
    if (open.length > 0) withNeeds += 1;
    for (const area of new Set(open.flatMap((n) => n.codes.map((c) => c.split('.')[0]!)))) areaCounts.set(area, (areaCounts.get(area) ?? 0) + 1);
    const lines = open.slice(0, 3).map((n) => `Need: ${needHeading(n)}: ${n.description}`);
    if (open.length > 3) lines.push(`and ${plural(open.length - 3, 'more open need', 'more open needs')}`);
    if (open.length === 0) lines.push('No open learning needs: worth asking at supervision.');
    const mine = sessions.filter((s) => s.kind === 'supervision' && s.status !== 'cancelled' && s.status !== 'moved' && s.status !== 'superseded');
    if (mine.length > 0) lines.push(`Prepared for ${mine.filter((s) => s.answeredAt).length} of ${mine.length} supervisions in the last four weeks`);
    lines.push(`CPD logged in the last three months: ${cpd.filter((r) => r.date >= quarterAgo).length}`);
    lines.push(mentoringLine(p, requests, matches));
    people.push({ id: p.aadObjectId, name: nameOf(p), role: roleOf(p), lines });
  }
  const top = [...areaCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([a, n]) => `${describeCode(a)} (${n})`);
  return {
    eyebrow: weekOf(period),
    title: 'Your team\'s learning, privately',
    summary: reports.length === 0 ? 'Nobody reports to you yet.' : `${withNeeds} of your ${plural(reports.length, 'report', 'reports')} ${agreeOf(withNeeds, reports.length, 'has', 'have')} open learning needs.${top.length ? ` Most needed: ${top.join(', ')}.` : ''}`,
    people,
    footer: 'Only you see this. Your team\'s channel gets the week\'s totals, without names.',
  };
}

function mentoringLine(p: Person, requests: Awaited<ReturnType<BotDeps['mentoring']['listRequestsFor']>>, matches: Awaited<ReturnType<BotDeps['mentoring']['listMatchesFor']>>): string {
  const active = matches.find((m) => m.status === 'active');
  if (active) return `Mentoring: ${active.menteeId === p.aadObjectId ? 'being' : 'giving'} ${MENTORING_KINDS[active.kind].toLowerCase()} across professions`;
  if (requests.some((r) => r.status === 'waiting' || r.status === 'proposed')) return 'Mentoring: waiting for a match';
  return 'Mentoring: none';
}

export const managerDigestFlow: CardFlow<'managerDigest'> = {
  kind: 'managerDigest',
  async render(deps, card) {
    return managerDigestCard(await managerDigest(deps, card.recipientId, card.tenantId, periodOf(card)));
  },
  actions: {},
};


const EQUITY_HEADINGS = { profession: 'By profession', registration: 'Registered with a regulator, or not', team: 'By team' } as const;

/**
 * Who CPD reaches, as the chat's org plan and the tab both show it: shares in whole percent, worked
 * out here once (raw fractions say more than either shows).
 */
export function equityFigures(plan: OrgPlan) {
  const percent = (share: number) => Math.round(share * 100);
  return (['profession', 'registration', 'team'] as const).map((dimension) => ({
    dimension,
    heading: EQUITY_HEADINGS[dimension],
    rows: plan.equity.filter((r) => r.dimension === dimension).map((r) => ({
      group: r.group, headcount: r.headcount, workforceShare: percent(r.workforceShare), cpdShare: percent(r.cpdShare), placesShare: percent(r.placesShare), underServed: r.underServed,
    })),
  }));
}

export async function orgPlanContent(deps: BotDeps, today: IsoDate) {
  const data = await loadRollup(deps, today);
  const plan = await orgPlanOf(deps, data, today);
  const matches = await deps.mentoring.listMatches(deps.config.tenantId);
  const t = deps.planPolicy.threshold;
  const checkIns = matches.flatMap((m) => m.checkIns);
  const met = checkIns.filter((c) => c.met).length;
  const useful = checkIns.filter((c) => c.useful === 'very' || c.useful === 'somewhat').length;
  const shownCount = (n: number) => (n === 0 || n >= t ? String(n) : `fewer than ${t}`);
  const equity = equityFigures(plan);
  return {
    eyebrow: formatDate(today),
    summary: `${plan.headcount} staff; ${plan.withOpenNeeds} with open learning needs (${plan.openNeeds} needs in all).`,
    chart: plan.priorities.map((p) => ({ label: p.code, value: p.score })),
    priorities: plan.priorities.slice(0, deps.planPolicy.topAreas + 2).map((p) => ({
      heading: `${describeCode(p.code)}: priority ${p.score}`,
      lines: [
        `${plural(p.people, 'person needs', 'people need')} it; ${p.triggerPeople} affected by learning triggers; ${plural(p.registrationPeople, 'registrant', 'registrants')} short of their regulator in a renewal window.`,
        ...(p.teams.length || p.professions.length ? [`Most in ${[...p.teams, ...p.professions].map((g) => `${g.name} (${g.people})`).join(', ')}.`] : []),
        p.activity ? `Commission: ${activityLabel(p.activity).toLowerCase()}, the way most of them would like to learn, open to every profession.` : 'Commission: a cross-profession session.',
        p.mentors > 0 ? `Internal mentors with this strength: ${p.mentors}.` : 'No internal mentor offers this strength yet.',
      ],
    })),
    equity: equity.map((d) => ({
      heading: d.heading,
      rows: d.rows.slice(0, 12).map((r) => ({
        title: r.group,
        value: `${r.workforceShare}% of staff · ${r.cpdShare}% of CPD logged · ${r.placesShare}% of places${r.underServed ? ' · under-served' : ''}`,
      })),
    })),
    equityNote: `Shares over the last ${deps.planPolicy.equity.lookbackMonths} months. Places are those booked or attended on learning offers, and mentoring or shadowing pairs under way. A group is under-served when its share of CPD or places is below ${Math.round(deps.planPolicy.equity.underServedRatio * 100)}% of its share of staff. Groups of fewer than ${t} are pooled.`,
    mentoring: `Mentoring across professions: ${shownCount(data.mentoring.pairs.length)} pairs proposed or under way, ${shownCount(data.mentoring.waiting.length)} people waiting; check-ins: ${shownCount(met)} had met, ${shownCount(useful)} found it useful.`,
    footer: 'For L&D: organisation totals, no individual\'s needs. Learning triggers raise priorities until their learn-by date.',
    plan,
    /** The equity figures the chat's rows above are written from: the tab shows these. */
    equityFigures: equity,
  };
}

export const orgPlanFlow: CardFlow<'orgPlan'> = {
  kind: 'orgPlan',
  async render(deps, card) {
    const { plan: _plan, equityFigures: _figures, ...content } = await orgPlanContent(deps, periodOf(card));
    return orgPlanCard(content);
  },
  actions: {},
};

/**
 * Links a channel to the team a manager leads. Only the team's lead — the manager most of its
 * members report to — may, so nobody can send another team's figures somewhere else; if someone
 * had linked it before, they are told where it goes now.
 */
export async function linkDigest(deps: BotDeps, managerId: string, ref: ConversationRef, channelName: string): Promise<string> {
  const people = await deps.people.list(ref.tenantId);
  const team = teamLedBy(managerId, people);
  if (!team) return "Weave can't tell which team you lead: nobody on HR's roster reports to you yet.";
  if (leadOf(team, people) !== managerId) return `Only ${team}'s team manager (the manager most of ${team} report to) can choose where its digest goes.`;
  const before = await deps.plans.getDigestLink(ref.tenantId, team);
  await deps.plans.linkDigest({ tenantId: ref.tenantId, team, ref, channelName, linkedBy: managerId, linkedAt: deps.clock.now().toISOString() });
  if (before && before.linkedBy !== managerId) {
    await deps.outbox.sendText(ref.tenantId, `digest-moved|${team}|${deps.clock.now().toISOString()}`, before.linkedBy, `${team}'s training plan digest now goes to a different channel, chosen by its team manager.`);
  }
  deps.log.info('digest.linked', {});
  const t = deps.planPolicy.threshold;
  return `This channel will get ${team}'s training plan digest every week: team totals only — no names, needs or reflections, and any count under ${t} shows as "fewer than ${t}".`;
}

/** Offered when Weave is added to a team by a manager: post the digest in this channel. */
export const digestLinkFlow: CardFlow<'digestLink'> = {
  kind: 'digestLink',
  async render(_deps, card) {
    return noticeCard({
      title: 'Post your team\'s training plan here?',
      lines: [`Every week Weave can post ${card.context.team || 'your team'}'s training plan in this channel: totals only, never anyone's name or needs.`],
      executes: [{ title: 'Yes, post it here', verb: 'digest.link', cardId: card.cardId }],
    });
  },
  actions: {
    'digest.link': defineAction({
      schema: z.object({}),
      closesCard: true,
      async handle({ deps, turn }) {
        if (turn.conversation.conversationKind !== 'channel') return { invalid: ['Press this in the team channel where the digest should go.'] };
        return { card: noticeCard({ title: 'Linked', tone: 'good', lines: [await linkDigest(deps, turn.user.aadObjectId, turn.conversation, turn.team?.name ?? '')] }) };
      },
    }),
  },
};
