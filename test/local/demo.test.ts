// The demo organisation a newcomer meets after `npm start`, loaded on a real Azurite at two dates
// months apart (it is dated from whenever it is loaded): nobody long overdue but a few people to
// act on; team plans with content above the privacy threshold; CPD reaching every profession; the
// chat's org plan and the tab showing the same figures; supervision figures that cannot contradict.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferProgress, OrgView, PlanView, TeamView, YearPlanView } from '../../api/shapes';
import { orgPlanContent } from '../../app/plans/orgPlanContent';
import { supervisionRuleFor } from '../../core/cadence';
import { policyOn } from '../../core/cadencePolicy';
import { addDays, daysBetween, mondayOf } from '../../core/calendar';
import { cadencePerson, overdueSince } from '../../core/sessionPlanning';
import { localDate } from '../../core/zonedTime';
import { DEMO_ROSTER, loadDemoOrganisation, ROSTER_AS_OF, rosterAsOf } from '../../local/demo/load';
import { personaByKey, staffId } from '../../local/demo/personas';
import { cardText } from '../support/cards';
import { startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const morgan = personaByKey('ld_admin');
/** The line managers who lead a roster team (Dana leads PaCT). */
const LEADS = { PaCT: 10, MASH: 20, 'Early Help 5-19': 30, 'Education Inclusion': 40, 'Early Years': 50, 'Youth Offending': 60 } as const;

describe('the demo roster', () => {
  it('moves its start dates to the week it is loaded in, so nobody starts in the future and Priya is always in her first months', async () => {
    const csv = await readFile(DEMO_ROSTER, 'utf8');
    const priyaStart = (text: string) => text.split('\n').find((l) => l.startsWith(staffId(11)))!.split(',')[9]!;
    expect(rosterAsOf(csv, ROSTER_AS_OF)).toBe(csv);
    const later = rosterAsOf(csv, '2027-06-16');
    expect(daysBetween(priyaStart(csv), priyaStart(later))).toBe(daysBetween(ROSTER_AS_OF, mondayOf('2027-06-16')));
    const starts = later.split('\n').slice(1).filter(Boolean).map((l) => /,(\d{4}-\d{2}-\d{2}),/.exec(l)![1]!);
    expect(starts).toHaveLength(41);
    expect(starts.every((d) => d <= '2027-06-16')).toBe(true);
  });
});

for (const at of ['2027-03-10T10:00:00Z', '2027-08-24T13:00:00Z']) {
  describe(`the demo organisation, loaded on ${at.slice(0, 10)}`, () => {
    let stack: TestStack;
    let today: string;
    const clock = testClock(at);
    const token = (n: number) => stack.rt.devSignIn!.sign(staffId(n), `staff ${n}`);
    async function api<T>(path: string, n: number): Promise<T> {
      const res = await fetch(`${stack.host.url}/api/tab/api/${path}`, { headers: { authorization: `Bearer ${token(n)}` } });
      expect(res.status).toBe(200);
      return (await res.json()) as T;
    }

    /** Each lead's My team page, read once (a manager's page reads every report's plan). */
    const teamViews = new Map<number, Promise<TeamView>>();
    const teamOf = (lead: number) => teamViews.get(lead) ?? teamViews.set(lead, api<TeamView>('team', lead)).get(lead)!;

    beforeAll(async () => {
      stack = await startTestStack({ clock });
      const loaded = await loadDemoOrganisation(stack.rt, stack.tenantId);
      expect(loaded).toMatchObject({ staff: 41 });
      today = localDate(clock.now(), stack.config.timeZone);
    }, 120_000);
    afterAll(async () => stack?.stop());

    it('gives everyone a recent supervision history: nobody overdue by more than three weeks, and two to four people overdue to act on', async () => {
      const [everyone, schedules] = await Promise.all([stack.rt.people.list(stack.tenantId), stack.rt.schedules.list(stack.tenantId)]);
      // The four who left (an earlier roster had them) are kept, for L&D's turnover, until retention erases them.
      expect(everyone.filter((p) => p.status === 'left')).toHaveLength(4);
      const people = everyone.filter((p) => p.status === 'active');
      expect(people).toHaveLength(41);
      const overdue: { name: string; since: string }[] = [];
      for (const person of people) {
        const supervision = schedules.find((s) => s.personId === person.aadObjectId && s.kind === 'supervision');
        // Everyone has had supervision held: within the policy's interval, or (for teachers' termly check-ins) this term.
        const termly = 'on' in supervisionRuleFor(policyOn(stack.rt.policy, today), cadencePerson(person));
        expect(supervision?.lastHeld, person.displayName).toBeTruthy();
        expect(daysBetween(supervision!.lastHeld!, today), person.displayName).toBeLessThanOrEqual(termly ? 130 : 62);
        const since = overdueSince(stack.rt.policy, person, supervision, today);
        if (since) overdue.push({ name: person.displayName, since });
      }
      for (const o of overdue) expect(daysBetween(o.since, today), o.name).toBeLessThanOrEqual(21);
      expect(overdue.length).toBeGreaterThanOrEqual(2);
      expect(overdue.length).toBeLessThanOrEqual(4);
      // Dana's team status has one to act on, and someone who has prepared for what is coming.
      const dana = await teamOf(LEADS.PaCT);
      expect(dana.statusSummary).toMatch(/^6 people · [1-9] prepared for their next supervision · 1 overdue/);
    });

    it('shows PaCT and other teams a training plan with areas above the threshold, never a count under it', async () => {
      const shown: string[] = [];
      for (const [team, lead] of Object.entries(LEADS)) {
        const view = await teamOf(lead);
        expect(view.team).toBe(team);
        if (view.plan!.chart.length > 0) shown.push(team);
        for (const bar of view.plan!.chart) expect(bar.value).toBeGreaterThanOrEqual(stack.rt.planPolicy.threshold);
        expect(view.plan!.suggestions.length, team).toBeGreaterThanOrEqual(view.plan!.chart.length > 0 ? 1 : 0);
      }
      expect(shown).toContain('PaCT');
      expect(shown.length).toBeGreaterThanOrEqual(3);
    });

    it('counts supervision in a way team status cannot contradict: nobody overdue is counted as held in the last four weeks', async () => {
      const period = mondayOf(today);
      const sessions = await stack.rt.sessions.listBetween(stack.tenantId, addDays(period, -stack.rt.planPolicy.completionWindowDays), addDays(period, -1));
      const heldRecently = new Set(sessions.filter((s) => s.kind === 'supervision' && (s.status === 'held' || s.answeredAt)).map((s) => s.personId));
      for (const lead of Object.values(LEADS)) {
        const view = await teamOf(lead);
        for (const person of view.people) {
          const overdue = person.status.some((f) => f.title === 'Overdue');
          if (overdue) expect(heldRecently.has(person.id), person.name).toBe(false);
        }
        expect(view.plan!.supervision).toMatch(/^Supervision held in the last four weeks: /);
        expect(view.plan!.supervision).not.toMatch(/: none\.$/);
      }
    });

    it('reaches every profession with CPD and places, flagging only the groups that really get less', async () => {
      const org = await api<OrgView>('org', 70);
      const professions = org.equity.find((d) => d.dimension === 'profession')!.rows;
      expect(professions.length).toBeGreaterThanOrEqual(5);
      for (const row of professions) {
        expect(row.cpdShare, row.group).toBeGreaterThan(0);
        expect(row.placesShare, row.group).toBeGreaterThan(0);
      }
      const flagged = org.equity.flatMap((d) => d.rows.filter((r) => r.underServed).map((r) => r.group));
      expect(flagged.length).toBeLessThanOrEqual(3);
      expect(org.priorities.length).toBeGreaterThanOrEqual(4);
      expect(org.triggers.length).toBeGreaterThanOrEqual(1);
    });

    it('shows L&D mandatory learning by team and profession: mostly up to date, some overdue, no count under the threshold', async () => {
      const org = await api<OrgView>('org', 70);
      // And who is professionally qualified, from the roster's qualifications: teachers with QTS among them.
      const qualified = org.equity.find((d) => d.dimension === 'qualification')!.rows;
      expect(qualified.map((r) => r.group).sort()).toEqual(['Not professionally qualified', 'Professionally qualified']);
      // And where people would like to go: some aiming, some not now, nothing under the threshold.
      const aims = org.pathways.tables.find((t) => t.heading === 'By profession')!.rows;
      expect(aims.reduce((n, r) => n + (r.aiming ?? 0) + (r.notNow ?? 0), 0)).toBeGreaterThan(0);
      for (const t of org.pathways.tables) for (const r of t.rows) for (const c of [r.aiming, r.notNow, r.notSaid, r.moved]) if (c !== null) expect(c === 0 || c >= 3).toBe(true);
      // And who left: four social workers, beside the CPD and places social workers had.
      const left = org.turnover.tables.find((t) => t.heading === 'By profession')!.rows.find((r) => r.group === 'Social worker')!;
      expect(left).toMatchObject({ people: 14, leavers: 4, ratePercent: 29 });
      for (const t of org.turnover.tables) for (const r of t.rows) if (r.leavers !== null) expect(r.leavers === 0 || (r.leavers >= 3 && r.people - r.leavers >= 3)).toBe(true);
      const refresher = org.mandatory.tables.find((t) => t.heading === 'Safeguarding refresher (multi-agency), by profession')!;
      expect(refresher.rows.length).toBeGreaterThanOrEqual(3);
      const shown = (k: 'upToDate' | 'overdue') => refresher.rows.reduce((n, r) => n + (r[k] ?? 0), 0);
      expect(shown('upToDate')).toBeGreaterThan(shown('overdue'));
      expect(org.mandatory.tables.some((t) => t.rows.some((r) => (r.overdue ?? 0) > 0 || r.overdue === null))).toBe(true);
      for (const t of org.mandatory.tables) {
        for (const r of t.rows) {
          expect(r.people).toBeGreaterThanOrEqual(3);
          for (const c of [r.upToDate, r.dueSoon, r.overdue]) if (c !== null) expect(c === 0 || c >= 3, `${t.heading} ${r.group}`).toBe(true);
        }
      }
    });

    it('shows L&D the same figures in the chat and in the tab, from one function', async () => {
      const org = await api<OrgView>('org', 70);
      const user = teams.testUser(morgan.name, morgan.email, morgan.aadObjectId);
      const text = cardText((await stack.message(user, 'org plan')).cards[0]);
      expect(text).toContain(org.summary);
      for (const dimension of org.equity) {
        expect(text).toContain(dimension.heading);
        for (const r of dimension.rows.slice(0, 12)) {
          expect(text).toContain(`${r.workforceShare}% of staff · ${r.cpdShare}% of CPD logged · ${r.placesShare}% of places${r.underServed ? ' · under-served' : ''}`);
        }
      }
      // Places are offer places taken (booked or attended) and pairs under way: the offers' own counts add up to the same.
      const offers = await stack.rt.offers.list(stack.tenantId);
      const bookings = (await Promise.all(offers.map((o) => stack.rt.offers.listBookings(o.offerId)))).flat().filter((b) => b.status === 'booked' || b.status === 'attended');
      const pairs = (await stack.rt.mentoring.listMatches(stack.tenantId)).filter((m) => m.status === 'active');
      const { plan: raw } = await orgPlanContent(stack.rt, today);
      expect(raw.equity.filter((r) => r.dimension === 'team').reduce((n, r) => n + r.places, 0)).toBe(bookings.length + pairs.length);
    });

    it('shows supervision and appraisal closing their loop: agreed actions, a session waiting for its supervisor, frequency and barriers in totals', async () => {
      const priya = personaByKey('practitioner');
      const plan = cardText((await stack.message(teams.testUser(priya.name, priya.email, priya.aadObjectId), 'my plan')).cards[0]);
      expect(plan).toMatch(/Agreed at your supervision on [\s\S]*Family Justice Council[\s\S]*Arrange for Priya to observe a final hearing/);
      // The tab shows her the same, and her manager's view of her plan does not.
      const mine = await api<PlanView>('me', 11);
      expect(mine.agreedAtSupervision?.lines.join(' ')).toMatch(/Arrange for Priya to observe a final hearing/);
      expect((await api<PlanView>(`people/${staffId(11)}/plan`, 10)).agreedAtSupervision).toBeNull();
      const dana = await teamOf(LEADS.PaCT);
      const tariq = dana.people.find((p) => p.name === 'Tariq Hussain')!;
      expect(tariq.status.find((f) => f.title === 'Last 12 weeks')?.value).toMatch(/held of \d+ the policy expects \(monthly\); 1 waiting for you to say what happened/);
      const org = await api<OrgView>('org', 70);
      expect(org.loop.supervision.map((s) => s.heading)).toEqual(['By team', 'By profession']);
      expect(org.loop.barriers.length).toBeGreaterThanOrEqual(1);
      for (const s of [...org.loop.supervision, ...org.loop.barriers]) for (const r of s.rows) expect(r.value).not.toMatch(/\b[12] of\b/);
    });

    it("shows this year's plan decided so far: teams' agreed priorities, a budget, lines that offers answered, a benchmark against last year", async () => {
      const priya = personaByKey('practitioner');
      const plan = cardText((await stack.message(teams.testUser(priya.name, priya.email, priya.aadObjectId), 'my plan')).cards[0]);
      expect(plan).toMatch(/PaCT's priorities for \d{4}–\d{2}/);
      const user = teams.testUser(morgan.name, morgan.email, morgan.aadObjectId);
      const org = cardText((await stack.message(user, 'org plan')).cards[0]);
      expect(org).toMatch(/Teams: 2 of \d+ teams have agreed their priorities/);
      expect(org).toMatch(/Budget: £65,000; £[\d,]+ committed, £[\d,]+ spent\./);
      const year = await api<YearPlanView>('org/year', 70);
      const answered = year.lines.filter((l) => l.offered > 0);
      expect(answered.length).toBe(3);
      expect(answered.some((l) => l.attended > 0 && l.statusLabel === 'Delivered')).toBe(true);
      // Ratings from appraisals in this year and the last: the benchmark shows areas, each beside last year's.
      expect(year.benchmark.areas.filter((a) => a.mean !== null).length).toBeGreaterThan(0);
      expect(year.benchmark.areas.some((a) => a.mean !== null && a.lastYear !== null)).toBe(true);
    });

    it('shows fair access and the trigger loop: an offer taking applications, what attendees said, and how far triggers have ended in learning', async () => {
      const offers = await api<OfferProgress[]>('offers', 70);
      const applications = offers.find((o) => o.title.startsWith('Reflective supervision'))!;
      expect(applications.places).toMatch(/^Applications: \d+ so far; places are allocated after .* · Reserved: 3 for staff not registered with a regulator$/);
      const recording = offers.find((o) => o.title.startsWith('Chronologies'))!;
      expect(recording.evaluation).toMatch(/^9 answered · useful 4\.2 of 5/);
      const org = await api<OrgView>('org', 70);
      const review = org.triggers.find((t) => t.summary.startsWith('Local child safeguarding practice review'))!;
      expect(review.learned).toMatch(/^(\d+ of \d+ \(\d+%\)|not shown \(of \d+\))$/);
      expect(org.triggers.every((t) => !/ of [12] /.test(t.learned))).toBe(true);
      const user = teams.testUser(morgan.name, morgan.email, morgan.aadObjectId);
      expect(cardText((await stack.message(user, 'triggers')).cards[0])).toContain('Local child safeguarding practice review');
    });

    it('shows the integration pulse over five quarters, with no group shown from fewer than five answers', async () => {
      const org = await api<OrgView>('org', 70);
      expect(org.pulse.quarters).toHaveLength(8);
      const shown = org.pulse.organisation.filter((f) => f !== null);
      expect(shown.length).toBeGreaterThanOrEqual(4);
      const every = [...org.pulse.organisation, ...org.pulse.dimensions.flatMap((d) => d.rows.flatMap((r) => r.trend))].filter((f) => f !== null);
      for (const f of every) expect(f.responses).toBeGreaterThanOrEqual(5);
      // Some services show on their own; the smallest are not shown.
      const services = org.pulse.dimensions.find((d) => d.dimension === 'service')!.rows;
      expect(services.some((r) => r.trend.at(-2) !== null)).toBe(true);
    });
  });
}
