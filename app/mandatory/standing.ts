// Mandatory learning as each reader sees it: a person's own standing, their manager's view of each
// report, and L&D's compliance totals (pooled and suppressed in core/mandatory.ts). Joiners' induction
// set joins their plan as needs, once.
import { addDays, type IsoDate } from '../../core/calendar';
import { deterministicId } from '../../core/ids';
import { complianceTables, mandatoryRulesOn, standingsOf, type ComplianceTable, type EvidenceFacts, type Standing } from '../../core/mandatory';
import type { Person } from '../../core/people';
import { planPeriodOf } from '../../core/planPeriod';
import { cadencePerson } from '../../core/sessionPlanning';
import { professionLabel } from '../../core/workforce';
import { complianceLine } from '../../views/mandatory';
import type { AppDeps } from '../deps';

const mandatoryPerson = (p: Person) => ({ ...p, knownSince: p.knownSince ?? null });

/** Where one person stands on each requirement that applies to them. */
export async function standingsFor(deps: Pick<AppDeps, 'cpd' | 'mandatory'>, person: Person, today: IsoDate, read?: readonly EvidenceFacts[]): Promise<Standing[]> {
  const records = read ?? await deps.cpd.listFor(person.tenantId, person.aadObjectId);
  return standingsOf(deps.mandatory, mandatoryPerson(person), records, today);
}

/** Every active person's standings, from one read of the organisation's CPD facts. */
export async function everyonesStandings(deps: Pick<AppDeps, 'cpd' | 'mandatory' | 'people' | 'config'>, today: IsoDate, people?: readonly Person[]): Promise<{ person: Person; standings: Standing[] }[]> {
  const [everyone, evidence] = await Promise.all([
    people ? Promise.resolve(people) : deps.people.list(deps.config.tenantId),
    deps.cpd.listEvidence(deps.config.tenantId),
  ]);
  const byPerson = new Map<string, EvidenceFacts[]>();
  for (const e of evidence) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e]);
  return everyone.filter((p) => p.status === 'active')
    .map((person) => ({ person, standings: standingsOf(deps.mandatory, mandatoryPerson(person), byPerson.get(person.aadObjectId) ?? [], today) }));
}

export interface Compliance {
  byTeam: ComplianceTable[];
  byProfession: ComplianceTable[];
}

/** L&D's view: each requirement by team and by profession; groups under the threshold pooled, small counts hidden. */
export async function compliance(deps: Pick<AppDeps, 'cpd' | 'mandatory' | 'people' | 'config' | 'planPolicy'>, today: IsoDate, people?: readonly Person[]): Promise<Compliance> {
  const all = await everyonesStandings(deps, today, people);
  const t = deps.planPolicy.threshold;
  const entries = (groupOf: (p: Person) => string) => all.flatMap(({ person, standings }) => standings.map((standing) => ({ group: groupOf(person), standing })));
  return { byTeam: complianceTables(entries((p) => p.team), t), byProfession: complianceTables(entries((p) => professionLabel(p.profession)), t) };
}

/** The induction set's needs a joiner should have and does not yet: added once (their ids come from the requirement). */
export async function addInductionItems(deps: Pick<AppDeps, 'needs' | 'policy' | 'clock'>, person: Person, standings: readonly Standing[], today: IsoDate): Promise<number> {
  const wanted = standings.filter((s) => s.requirement.induction && s.status !== 'up_to_date' && s.dueOn && s.dueOn >= today);
  if (wanted.length === 0) return 0;
  const existing = new Set((await deps.needs.listFor(person.tenantId, person.aadObjectId)).map((n) => n.needId));
  const period = planPeriodOf(deps.policy, cadencePerson(person), today);
  const now = deps.clock.now().toISOString();
  let added = 0;
  for (const s of wanted) {
    const needId = deterministicId('mandatory', person.aadObjectId, s.requirement.id);
    if (existing.has(needId)) continue;
    const e = s.requirement.evidence;
    await deps.needs.save({
      tenantId: person.tenantId, personId: person.aadObjectId, needId, codes: [...e.areas], frameworkTag: null,
      description: s.requirement.title, activityTypes: e.activityTypes ? [...e.activityTypes] : ['induction'], priority: 'high', status: 'open',
      source: 'mandatory', sourceRef: s.requirement.id, targetDate: s.dueOn && s.dueOn >= addDays(today, 1) ? s.dueOn : null, period: period.start, plan: null,
      dropReason: null, comments: [], history: [], createdAt: now, updatedAt: now,
    });
    added += 1;
  }
  return added;
}

type Section = { heading: string; rows: { title: string; value: string }[] };
/** On the chat's org plan, each requirement's largest groups only: the card has to stay under Teams' size limit. */
const CARD_GROUPS = 6;

/** Compliance as the org plan (chat) and the Organisation page (tab) show it: totals, small groups pooled, small counts hidden. */
export async function orgCompliance(deps: Pick<AppDeps, 'cpd' | 'mandatory' | 'people' | 'config' | 'planPolicy'>, today: IsoDate, people?: readonly Person[]) {
  const t = deps.planPolicy.threshold;
  const { byTeam, byProfession } = await compliance(deps, today, people);
  const sections = (tables: ComplianceTable[], by: string, cut?: number): Section[] =>
    tables.map((table) => ({ heading: `${table.title}, by ${by}`, rows: table.rows.slice(0, cut).map((r) => ({ title: r.group, value: complianceLine(r, t) })) }));
  return {
    mandatoryNote: byProfession.length > 0
      ? `Mandatory learning (policy/mandatory.json): people each requirement applies to, up to date (or, for a joiner, not yet due), due within ${mandatoryRulesOn(deps.mandatory, today).remindDaysBefore} days, and overdue. Groups of fewer than ${t} are pooled; counts under ${t}, and any that would give them away, are not shown. No one is named.`
      : `Mandatory learning shows here once a requirement applies to at least ${t} people.`,
    mandatory: sections(byProfession, 'profession', CARD_GROUPS),
    /** Every group, by team and by profession, as counts (null where hidden): the tab has room for them. */
    mandatoryAll: [...byTeam.map((table) => ({ heading: `${table.title}, by team`, rows: table.rows })), ...byProfession.map((table) => ({ heading: `${table.title}, by profession`, rows: table.rows }))],
  };
}
