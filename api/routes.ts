// The Weave tab's JSON API: each route with who may call it, declared once. Every call carries a
// bearer token (api/tokens.ts); the caller is looked up on HR's roster and authorised by role — a
// practitioner sees only themself, a manager their own reports, L&D the organisation's figures
// (never one person's plan). Bad input gets 400 with what to fix.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { mondayOf } from '../core/calendar';
import { describeCode } from '../core/commonCore';
import { teamDigest } from '../core/digest';
import { deterministicId } from '../core/ids';
import { NEED_STATUS_LABELS, type LearningNeed } from '../core/needs';
import { broadcastTally, OFFER_FORMATS, recipientCount, type Offer } from '../core/offers';
import { firstName, hasRole, nameOf, type Person } from '../core/people';
import { describePeriod, planPeriodOf } from '../core/planPeriod';
import { cadencePerson } from '../core/sessionPlanning';
import { TRIGGER_SOURCES } from '../core/triggers';
import { localDate } from '../core/zonedTime';
import { professionLabel, type Role } from '../core/workforce';
import { COMPOSER_CHOICES } from '../cards/offers';
import type { BotDeps } from '../bot/context';
import { EXPORT_LINK_HOURS } from '../bot/commands/cpd';
import { managerDigest, orgPlanContent } from '../bot/flows/digests';
import { audienceSummary, EMPTY_OFFER, inviteCard, offerBatch, offerFromInput, startSending, stateOf } from '../bot/flows/offers';
import { reportsOf } from '../app/people/reports';
import { todayFor } from '../bot/flows/sessionViews';
import { teamStatusOf } from '../bot/flows/teamStatus';
import { leadOf, loadRollup, teamLedBy, teamPlanOf } from '../app/plans/rollup';
import { ConcurrencyError } from '../store/errors';
import type { StoredPerson } from '../store/people';
import { checkFacts, headline, periodLine, readinessNotes, readinessOf, recordDetail } from '../views/cpd';
import { commentLines, currentPlan, groupByStatus, needDetails, needHeading } from '../views/plan';
import type { ComposerOptions, ExportLinks, OfferPreview, OfferProgress, OrgView, PlanView, SessionView, TeamView } from './shapes';

export type Audience = 'staff' | Role;

export interface ApiCall {
  deps: BotDeps;
  me: StoredPerson;
  params: Record<string, string>;
  body: unknown;
  /** Local mode's dev sign-in is on (the tab shows its banner). */
  devSignIn: boolean;
}

export type ApiResult = { status: number; body: unknown };

export interface ApiRoute {
  name: string;
  /** Under /api/, as the function's route. */
  route: string;
  method: 'GET' | 'POST';
  audience: Audience;
  handle(call: ApiCall): Promise<ApiResult>;
}

const ok = <T>(body: T): ApiResult => ({ status: 200, body });
export const badRequest = (errors: string[]): ApiResult => ({ status: 400, body: { errors } });
export const forbidden = (why: string): ApiResult => ({ status: 403, body: { error: why } });

/** A person's plan and CPD, as they (or their line manager) see it. */
async function planOf(deps: BotDeps, person: Person, viewerId: string): Promise<PlanView> {
  const [needs, records, today] = await Promise.all([
    deps.needs.listFor(person.tenantId, person.aadObjectId), deps.cpd.listFor(person.tenantId, person.aadObjectId), todayFor(deps, person.tenantId, viewerId),
  ]);
  const period = planPeriodOf(deps.policy, cadencePerson(person), today);
  const ready = readinessOf(deps.registration, person, records, today);
  const top = headline(ready);
  const needView = (n: LearningNeed) => ({ heading: needHeading(n), description: n.description, details: needDetails(n, today, viewerId === person.aadObjectId ? 'you' : firstName(person)), comments: commentLines(n), status: NEED_STATUS_LABELS[n.status] });
  // Named at an appraisal for the plan year it opens: the chat card shows these too, and points here for all of them.
  const next = needs.filter((n) => n.period > period.start);
  return {
    person: { id: person.aadObjectId, name: nameOf(person), jobTitle: person.jobTitle, profession: professionLabel(person.profession), team: person.team },
    asManager: viewerId !== person.aadObjectId,
    planYear: describePeriod(period),
    groups: [
      ...groupByStatus(currentPlan(needs, period)).map((g) => ({ heading: g.heading, needs: g.needs.map(needView) })),
      ...(next.length > 0 ? [{ heading: 'For the next plan year', needs: next.map(needView) }] : []),
    ],
    cpd: {
      period: periodLine(ready), headline: top.text, tone: top.tone, checks: checkFacts(ready), notes: readinessNotes(ready),
      records: [...records].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 20).map((r) => ({ date: r.date, title: r.title, detail: recordDetail(r) })),
    },
  };
}

const offerInput = z.object({
  values: z.record(z.string(), z.unknown()),
  sendAt: z.string().max(40).nullable().optional(),
  digest: z.string().max(100).optional(),
});

/** What the offer says and who it goes to, hashed: Send must quote the preview's, so L&D send only what they saw. */
function offerDigest(offer: Offer): string {
  const { tenantId: _t, offerId: _o, createdBy: _c, createdAt: _a, ...content } = offer;
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

const PREVIEW_CARD_ID = '00000000-0000-4000-8000-000000000000';

async function preview(deps: BotDeps, me: StoredPerson, values: Record<string, unknown>): Promise<{ invalid: string[] } | { offer: Offer; view: OfferPreview; audience: string[] }> {
  const draft = await offerFromInput(deps, { tenantId: me.tenantId, offerId: deterministicId('tab-preview', me.aadObjectId), createdBy: me.aadObjectId }, values);
  if ('invalid' in draft) return draft;
  const [today, summary] = await Promise.all([todayFor(deps, me.tenantId, me.aadObjectId), audienceSummary(deps, draft.offer)]);
  return {
    offer: draft.offer,
    audience: summary.audience,
    view: {
      card: inviteCard(deps, draft.offer, PREVIEW_CARD_ID, await stateOf(deps, draft.offer, undefined, today, false)),
      audience: summary.line,
      digest: offerDigest(draft.offer),
    },
  };
}

/** Sends (or schedules) what was previewed, once: the same offer sent again finds the first. */
async function sendOffer(deps: BotDeps, me: StoredPerson, input: z.infer<typeof offerInput>): Promise<ApiResult> {
  const result = await preview(deps, me, input.values);
  if ('invalid' in result) return badRequest(result.invalid);
  if (input.digest !== result.view.digest) return badRequest(['The offer has changed since its preview: check the preview again, then send.']);
  // With "only people with a need", an empty audience is not said: that would say nobody has one.
  if (result.audience.length === 0 && !result.offer.audience.withNeed) return badRequest(['Nobody is in this audience: widen it before sending.']);
  const sendAt = input.sendAt ? new Date(input.sendAt) : null;
  if (sendAt && (Number.isNaN(sendAt.getTime()) || sendAt <= deps.clock.now() || localDate(sendAt, deps.config.timeZone) > result.offer.closesOn)) {
    return badRequest(['Send later: choose a time from now until bookings close.']);
  }
  // One offer per composer and content: a retried request (a lost response, a double click) finds it.
  const offerId = deterministicId('tab-offer', me.aadObjectId, result.view.digest);
  if (!(await deps.offers.get(me.tenantId, offerId))) {
    await deps.offers.saveDraft({ ...result.offer, offerId, createdAt: deps.clock.now().toISOString() }, null).catch((err: unknown) => {
      if (!(err instanceof ConcurrencyError)) throw err;
    });
  }
  const saved = (await deps.offers.get(me.tenantId, offerId))!;
  if (saved.status !== 'draft') return ok({ id: offerId, status: saved.status });
  try {
    if (sendAt) await deps.offers.update(saved, { status: 'scheduled', sendAt: sendAt.toISOString() });
    else await startSending(deps, saved);
  } catch (err) {
    if (!(err instanceof ConcurrencyError)) throw err;
    return ok({ id: offerId, status: (await deps.offers.get(me.tenantId, offerId))!.status });
  }
  deps.log.info('tab.offer', { status: sendAt ? 'scheduled' : 'sending' });
  return ok({ id: offerId, status: sendAt ? 'scheduled' : 'sending' });
}

export const API_ROUTES: readonly ApiRoute[] = [
  {
    name: 'tab-session', route: 'tab/api/session', method: 'GET', audience: 'staff',
    async handle({ me, devSignIn }) {
      const pages: SessionView['pages'] = ['me', ...(hasRole(me, 'manager') ? ['team' as const] : []), ...(hasRole(me, 'ld_admin') ? ['org' as const] : [])];
      return ok<SessionView>({ id: me.aadObjectId, name: nameOf(me), roles: me.roles, pages, devSignIn });
    },
  },
  {
    name: 'tab-me', route: 'tab/api/me', method: 'GET', audience: 'staff',
    async handle({ deps, me }) {
      return ok<PlanView>(await planOf(deps, me, me.aadObjectId));
    },
  },
  {
    name: 'tab-me-export', route: 'tab/api/me/export', method: 'POST', audience: 'staff',
    async handle({ deps, me }) {
      const now = deps.clock.now();
      const token = randomBytes(32).toString('base64url');
      await deps.exportLinks.create({ token, tenantId: me.tenantId, personId: me.aadObjectId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + EXPORT_LINK_HOURS * 3_600_000).toISOString() });
      const base = `${deps.config.publicUrl}/api/exports/${token}`;
      return ok<ExportLinks>({ markdown: `${base}/cpd-record.md`, csv: `${base}/cpd-record.csv`, hours: EXPORT_LINK_HOURS });
    },
  },
  {
    name: 'tab-person-plan', route: 'tab/api/people/{personId}/plan', method: 'GET', audience: 'staff',
    async handle({ deps, me, params }) {
      const id = (params.personId ?? '').toLowerCase();
      if (id === me.aadObjectId) return ok<PlanView>(await planOf(deps, me, me.aadObjectId));
      // Someone else's plan: only their line manager or professional supervisor.
      const report = (await reportsOf(deps, me.tenantId, me.aadObjectId)).find((p) => p.aadObjectId === id);
      if (!report) return forbidden('Only the person, their line manager and their professional supervisor can see a plan.');
      return ok<PlanView>(await planOf(deps, report, me.aadObjectId));
    },
  },
  {
    name: 'tab-team', route: 'tab/api/team', method: 'GET', audience: 'manager',
    async handle({ deps, me }) {
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const period = mondayOf(today);
      const data = await loadRollup(deps, period);
      const team = teamLedBy(me.aadObjectId, data.people);
      const plan = team ? teamPlanOf(deps, data, team, period) : null;
      const [learning, status] = await Promise.all([managerDigest(deps, me.aadObjectId, me.tenantId, period), teamStatusOf(deps, me.tenantId, me.aadObjectId)]);
      const linesOf = new Map(learning.people.map((p) => [p.id, p.lines]));
      const offers = (await deps.offers.list(me.tenantId)).filter((o) => (o.status === 'sending' || o.status === 'sent') && o.closesOn >= today && (!team || o.audience.teams.length === 0 || o.audience.teams.includes(team)));
      const channel = plan ? teamDigest(plan, null, deps.planPolicy.threshold) : null;
      return ok<TeamView>({
        team, isLead: !!team && leadOf(team, data.people) === me.aadObjectId,
        headcount: plan?.headcount ?? 0,
        plan: channel && {
          tooSmall: channel.tooSmall, headline: channel.headline, chart: channel.chart, table: channel.table, subHeadings: channel.subHeadings, activities: channel.activities,
          suggestions: channel.suggestions, supervision: channel.supervision, appraisal: channel.appraisal, mentoring: channel.mentoring,
        },
        summary: learning.summary,
        statusSummary: status.summary,
        people: status.people.map((p) => ({ id: p.id, name: p.name, role: p.role, status: p.facts, learning: linesOf.get(p.id) ?? [] })),
        offers: offers.sort((a, b) => a.date.localeCompare(b.date)).map((o) => ({ title: o.title, format: OFFER_FORMATS[o.format], date: o.date, areas: o.codes.map(describeCode).join(', ') })),
      });
    },
  },
  {
    name: 'tab-org', route: 'tab/api/org', method: 'GET', audience: 'ld_admin',
    async handle({ deps, me }) {
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const { plan, summary, mentoring, equityNote, priorities, equityFigures } = await orgPlanContent(deps, today);
      const triggers = (await deps.plans.listTriggers(me.tenantId)).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 20)
        .map((t) => ({ source: TRIGGER_SOURCES[t.source], summary: t.summary, areas: t.codes.map(describeCode).join(', '), dueDate: t.dueDate }));
      return ok<OrgView>({
        summary, mentoring, equityNote, triggers,
        priorities: plan.priorities.slice(0, priorities.length).map((p, i) => ({ code: p.code, label: describeCode(p.code), score: p.score, people: p.people, lines: priorities[i]!.lines })),
        // The same figures, worked out by the same function, as the chat's org plan.
        equity: equityFigures,
      });
    },
  },
  {
    name: 'tab-offer-options', route: 'tab/api/offers/options', method: 'GET', audience: 'ld_admin',
    async handle({ deps, me }) {
      const teams = await deps.people.rosterTeams(me.tenantId);
      const opt = (list: readonly { code: string; label: string }[]) => list.map((o) => ({ value: o.code, title: o.label }));
      return ok<ComposerOptions>({
        formats: opt(COMPOSER_CHOICES.formats), areas: opt(COMPOSER_CHOICES.codes), professions: opt(COMPOSER_CHOICES.professions),
        durations: opt(COMPOSER_CHOICES.durations), registration: opt(COMPOSER_CHOICES.registration),
        teams: teams.map((t) => ({ value: t, title: t })), defaults: { ...EMPTY_OFFER },
      });
    },
  },
  {
    name: 'tab-offers', route: 'tab/api/offers', method: 'GET', audience: 'ld_admin',
    async handle({ deps, me }) {
      const offers = (await deps.offers.list(me.tenantId)).filter((o) => o.status !== 'draft').sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 20);
      return ok<OfferProgress[]>(await Promise.all(offers.map(async (o) => {
        const [deliveries, bookings] = await Promise.all([deps.deliveries.listBatch(offerBatch(o.offerId)), deps.offers.listBookings(o.offerId)]);
        const shown = (n: number) => recipientCount(n, o.audience.withNeed, deps.planPolicy.threshold);
        const tally = broadcastTally(o.audienceSize, deliveries.map((d) => d.state));
        const by = (status: string) => bookings.filter((b) => b.status === status).length;
        return {
          id: o.offerId, title: o.title, format: OFFER_FORMATS[o.format], date: o.date, status: o.status, audience: shown(o.audienceSize),
          sent: shown(tally.sent), notReached: shown(tally.notInstalled + tally.unreachable + tally.failed),
          pending: tally.toGo > 0 && o.status === 'sending' ? shown(tally.toGo) : null,
          booked: by('booked') + by('attended'), capacity: o.capacity, waiting: by('waiting'), held: by('offered'),
        };
      })));
    },
  },
  {
    name: 'tab-offer-preview', route: 'tab/api/offers/preview', method: 'POST', audience: 'ld_admin',
    async handle({ deps, me, body }) {
      const input = offerInput.safeParse(body);
      if (!input.success) return badRequest(['Send the offer as {"values": {…}}.']);
      const result = await preview(deps, me, input.data.values);
      return 'invalid' in result ? badRequest(result.invalid) : ok<OfferPreview>(result.view);
    },
  },
  {
    name: 'tab-offer-send', route: 'tab/api/offers', method: 'POST', audience: 'ld_admin',
    async handle({ deps, me, body }) {
      const input = offerInput.safeParse(body);
      if (!input.success) return badRequest(['Send the offer as {"values": {…}, "digest": "…", "sendAt": null}.']);
      return sendOffer(deps, me, input.data);
    },
  },
];
