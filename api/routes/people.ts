// The tab's own pages: who is signed in, their plan and CPD record, a download of it, and a report's
// plan for their line manager or professional supervisor alone.
import { z } from 'zod';
import { createExportLinks } from '../../app/cpd/exports';
import type { AppDeps } from '../../app/deps';
import { reportsOf } from '../../app/people/reports';
import { prioritiesForMember } from '../../app/plans/teamPriorities';
import { todayFor } from '../../app/people/today';
import { NEED_STATUS_LABELS, type LearningNeed } from '../../core/needs';
import { firstName, hasRole, nameOf, type Person } from '../../core/people';
import { describePeriod, planPeriodOf } from '../../core/planPeriod';
import { cadencePerson } from '../../core/sessionPlanning';
import { professionLabel } from '../../core/workforce';
import { checkFacts, headline, periodLine, readinessNotes, readinessOf, recordDetail } from '../../views/cpd';
import { commentLines, currentPlan, groupByStatus, needDetails, needHeading } from '../../views/plan';
import { badRequest, forbidden, ok, type ApiRoute } from '../route';
import type { ExportLinks, PlanView, SessionView } from '../shapes';
import { addStepToPlan, pathwayOf, setAspiration } from '../../app/people/pathway';
import { messagesOf, text } from '../../app/fields';
import { NOT_NOW } from '../../core/pathways';
import { standingsFor } from '../../app/mandatory/standing';
import { aimLine, stepFacts } from '../../views/pathway';
import { standingFacts } from '../../views/mandatory';
import { agreedAtSupervision, planAgreementOf } from '../../app/plans/planAgreed';

/** A person's plan and CPD, as they (or their line manager) see it. */
async function planOf(deps: AppDeps, person: Person, viewerId: string): Promise<PlanView> {
  const [needs, records, today] = await Promise.all([
    deps.needs.listFor(person.tenantId, person.aadObjectId), deps.cpd.listFor(person.tenantId, person.aadObjectId), todayFor(deps, person.tenantId, viewerId),
  ]);
  const period = planPeriodOf(deps.policy, cadencePerson(person), today);
  const ready = readinessOf(deps.registration, person, records, today);
  const top = headline(ready);
  // Named at an appraisal for the plan year it opens: the chat card shows these too, and points here for all of them.
  const next = needs.filter((n) => n.period > period.start);
  const own = viewerId === person.aadObjectId;
  const [teamPriorities, agreement, agreed, pathway, mandatory] = await Promise.all([
    own ? prioritiesForMember(deps, person, today) : null,
    planAgreementOf(deps, person, [period.start, ...new Set(next.map((n) => n.period))], viewerId),
    own ? agreedAtSupervision(deps, person, today) : null,
    own ? pathwayOf(deps, person, today) : null,
    standingsFor(deps, person, today, records),
  ]);
  const needView = (n: LearningNeed) => {
    const mark = agreement.mark(n);
    return {
      heading: needHeading(n), description: n.description, details: [...(mark ? [mark] : []), ...needDetails(n, today, own ? 'you' : firstName(person))],
      comments: commentLines(n), status: NEED_STATUS_LABELS[n.status],
    };
  };
  return {
    teamPriorities,
    agreement: agreement.line,
    agreedAtSupervision: agreed,
    pathway: pathway && {
      current: pathway.current ? `Where you are now: ${pathway.current.title}.` : '',
      aim: aimLine(pathway.aspiration, pathway.target) || 'Say where you would like to go below, or with "my pathway" in your chat with Weave.',
      facts: stepFacts(pathway.step, pathway.stepsToGo, !!pathway.target),
      leading: pathway.leading,
      roles: [...pathway.roles.filter((r) => r.id !== pathway.current?.id).map((r) => ({ value: r.id, title: r.title })), { value: NOT_NOW, title: 'Not now' }],
      chosen: pathway.aspiration ? (pathway.aspiration.choice.kind === 'role' ? pathway.aspiration.choice.roleId : NOT_NOW) : '',
      share: pathway.aspiration?.shareWithManager ?? false,
      canAdd: !!pathway.step && !pathway.aspiration?.stepAdded,
    },
    mandatory: standingFacts(mandatory),
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

const pathwayInput = z.object({
  target: text('Where you would like to go', { max: 40, required: true }),
  share: z.boolean({ error: 'Say whether your line manager may see it.' }),
});

export const PEOPLE_ROUTES: readonly ApiRoute[] = [
  {
    name: 'tab-session', route: 'tab/api/session', method: 'GET', audience: 'staff',
    handle({ me, devSignIn }) {
      const pages: SessionView['pages'] = ['me', ...(hasRole(me, 'manager') ? ['team' as const] : []), ...(hasRole(me, 'ld_admin') ? ['org' as const] : [])];
      return Promise.resolve(ok<SessionView>({ id: me.aadObjectId, name: nameOf(me), roles: me.roles, pages, devSignIn }));
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
      return ok<ExportLinks>(await createExportLinks(deps, me.tenantId, me.aadObjectId));
    },
  },
  {
    name: 'tab-me-pathway', route: 'tab/api/me/pathway', method: 'POST', audience: 'staff',
    async handle({ deps, me, body }) {
      const input = pathwayInput.safeParse(body);
      if (!input.success) return badRequest(messagesOf(input.error));
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const saved = await setAspiration(deps, me, input.data.target === NOT_NOW ? { kind: 'not_now' } : { kind: 'role', roleId: input.data.target }, input.data.share, today);
      return 'invalid' in saved ? badRequest(saved.invalid) : ok<PlanView>(await planOf(deps, me, me.aadObjectId));
    },
  },
  {
    name: 'tab-me-pathway-step', route: 'tab/api/me/pathway/step', method: 'POST', audience: 'staff',
    async handle({ deps, me }) {
      const added = await addStepToPlan(deps, me, await todayFor(deps, me.tenantId, me.aadObjectId));
      return 'invalid' in added ? badRequest(added.invalid) : ok<PlanView>(await planOf(deps, me, me.aadObjectId));
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
];
