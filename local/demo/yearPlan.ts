// This year's plan as Workforce Development and the managers have decided it so far: PaCT agreed its
// priorities (and agreed them again after the Ofsted visit), Education Inclusion agreed theirs, the
// rest have not; a budget in two lines; commissioning lines from the org plan's priorities, three of
// them answered by the offers in local/demo/offers.ts (one delivered at its actual cost), one agreed
// and one still proposed. Written through the stores `team priorities` and `year plan` write to.
import { addDays, type IsoDate } from '../../core/calendar';
import type { Budget, CommissionLine } from '../../core/commissioning';
import { deterministicId } from '../../core/ids';
import type { Offer } from '../../core/offers';
import { orgYearOf, termsFrom } from '../../core/orgYear';
import type { TeamAgreement } from '../../core/teamAgreement';
import type { Runtime } from '../../runtime/runtime';
import { staffId } from './personas';

export interface DemoYearPlan {
  agreements: TeamAgreement[];
  budget: Budget;
  lines: CommissionLine[];
}

type LineSeed = Pick<CommissionLine, 'code' | 'title' | 'format' | 'professions' | 'services' | 'teams' | 'registration' | 'provider' | 'places' | 'estimatedPence' | 'actualPence' | 'budgetLine' | 'status'> & {
  key: string;
  /** The demo offer (local/demo/offers.ts) made from it. */
  offer?: string;
};

const GRANT = 'Workforce development grant';
const ACADEMY = 'Social work academy';

const LINES: LineSeed[] = [
  {
    key: 'recording', offer: 'recording', code: 'CC3', title: 'Chronologies and case records others can use', format: 'bite_size_workshop', professions: [], services: [], teams: [],
    registration: 'any', provider: { kind: 'internal', people: [staffId(12)] }, places: 16, estimatedPence: 40_000, actualPence: 32_000, budgetLine: GRANT, status: 'delivered',
  },
  {
    key: 'briefing', offer: 'briefing', code: 'CC6', title: 'What the practice review found: a 7-minute briefing', format: 'briefing', professions: [], services: [], teams: ['MASH', 'Early Help 5-19', 'Education Inclusion'],
    registration: 'any', provider: { kind: 'internal', people: [staffId(70)] }, places: 40, estimatedPence: 0, actualPence: null, budgetLine: GRANT, status: 'offered',
  },
  {
    key: 'transitions', offer: 'transitions', code: 'CC4', title: 'Transitions across services: a study day', format: 'team_study_day', professions: [], services: [], teams: [],
    registration: 'any', provider: { kind: 'external', name: 'Fairfield Training Partnership' }, places: 20, estimatedPence: 180_000, actualPence: null, budgetLine: GRANT, status: 'offered',
  },
  {
    key: 'court', code: 'CC3.S2', title: 'Court skills: statements and evidence', format: 'bite_size_workshop', professions: ['social_worker', 'family_support_worker'], services: ["Children's Social Care"], teams: [],
    registration: 'any', provider: { kind: 'external', name: 'County Legal Services' }, places: 24, estimatedPence: 240_000, actualPence: null, budgetLine: ACADEMY, status: 'agreed',
  },
  {
    key: 'send-voice', code: 'CC1', title: 'Hearing children with SEND: a reflective learning set', format: 'reflective_learning_set', professions: [], services: [], teams: [],
    registration: 'unregistered', provider: { kind: 'external', name: 'to be chosen' }, places: 40, estimatedPence: 120_000, actualPence: null, budgetLine: GRANT, status: 'proposed',
  },
];

export function demoYearPlan(tenantId: string, startsOn: string, offers: readonly Offer[], today: IsoDate): DemoYearPlan {
  const year = orgYearOf(today, startsOn).start;
  const at = (daysAgo: number) => `${addDays(today, -daysAgo)}T10:00:00.000Z`;
  const [, soon, later] = termsFrom(today, 3) as [string, string, string];
  const offerId = (key: string) => offers.find((o) => o.offerId === deterministicId('demo-offer', key))?.offerId;
  const lines = LINES.map(({ key, offer, ...seed }): CommissionLine => ({
    ...seed, tenantId, year, lineId: deterministicId('demo-line', key), offerIds: offer && offerId(offer) ? [offerId(offer)!] : [],
    createdBy: staffId(70), createdAt: at(60), updatedAt: at(seed.status === 'proposed' ? 3 : 20),
  }));
  const dana = { agreedBy: staffId(10), agreedByName: 'Dana Hughes' };
  const pactFirst = [{ code: 'CC3', why: 'Court work is most of our cases and the ASYEs ask for it first.', term: later }];
  return {
    agreements: [
      {
        tenantId, team: 'PaCT', year, version: 2, ...dana, agreedAt: at(40),
        priorities: [...pactFirst, { code: 'CC3.S2', why: 'Ofsted found our records do not always say why we decided.', term: soon }],
        history: [{ version: 1, priorities: pactFirst, ...dana, agreedAt: at(120) }],
      },
      {
        tenantId, team: 'Education Inclusion', year, version: 1, agreedBy: staffId(40), agreedByName: 'Helen Ward', agreedAt: at(90), history: [],
        priorities: [
          { code: 'CC6', why: 'The practice review: we share late with social care.', term: soon },
          { code: 'CC4', why: 'Moves between schools are where children fall through.', term: later },
        ],
      },
    ],
    budget: { tenantId, year, lines: [{ name: GRANT, pence: 4_500_000 }, { name: ACADEMY, pence: 2_000_000 }], updatedBy: staffId(70), updatedAt: at(150) },
    lines,
  };
}

/** Links each offer to the line it was made from, as sending it from the line does. */
export function linkOffers(offers: Offer[], plan: DemoYearPlan): void {
  for (const line of plan.lines) for (const id of line.offerIds) {
    const offer = offers.find((o) => o.offerId === id);
    if (offer) offer.commissionLine = { year: line.year, lineId: line.lineId };
  }
}

export async function writeYearPlan(rt: Runtime, plan: DemoYearPlan): Promise<void> {
  await Promise.all([
    ...plan.agreements.map((a) => rt.agreements.save(a, null)),
    ...plan.lines.map((l) => rt.commissioning.saveLine(l, null)),
    rt.commissioning.saveBudget(plan.budget, null),
  ]);
}
