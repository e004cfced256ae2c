// A person's career pathway: where they would like to go (or not now), the next step towards it, what
// it needs, what in their plan already leads there, and adding the step's learning to their plan.
// Their line manager sees the aim only if they chose to share it; L&D see totals only.
import { addDays, type IsoDate } from '../../core/calendar';
import { deterministicId } from '../../core/ids';
import { isOpen } from '../../core/needs';
import { aspirationTable, currentRoleOf, nextStepTo, pathwaysOn, leadingNeeds, type Aspiration, type AspirationChoice, type AspirationRow, type PathwayRole, type Route } from '../../core/pathways';
import type { Person } from '../../core/people';
import { planPeriodOf } from '../../core/planPeriod';
import { qualifiedLabel } from '../../core/orgPlan';
import { cadencePerson } from '../../core/sessionPlanning';
import { professionLabel } from '../../core/workforce';
import type { AppDeps } from '../deps';
import { professionallyQualified } from './qualifications';

export interface PathwayView {
  roles: PathwayRole[];
  current: PathwayRole | null;
  aspiration: Aspiration | null;
  target: PathwayRole | null;
  /** The next step, and every step from here, when Weave can see a route. */
  step: Route | null;
  stepsToGo: number | null;
  /** Open needs in their plan in the step's areas: what already leads there. */
  leading: string[];
}

export async function pathwayOf(deps: Pick<AppDeps, 'aspirations' | 'needs' | 'pathways'>, person: Person, today: IsoDate): Promise<PathwayView> {
  const p = pathwaysOn(deps.pathways, today);
  const [aspiration, needs] = await Promise.all([deps.aspirations.get(person.tenantId, person.aadObjectId), deps.needs.listFor(person.tenantId, person.aadObjectId)]);
  const current = currentRoleOf(p, person);
  const target = aspiration?.choice.kind === 'role' ? p.roles.find((r) => r.id === (aspiration.choice as { roleId: string }).roleId) ?? null : null;
  const next = target ? nextStepTo(p, current, target.id) : { route: null, step: null };
  const leading = next.step ? leadingNeeds(next.step, needs.map((n) => ({ ...n, open: isOpen(n) }))).map((n) => n.description) : [];
  return { roles: p.roles, current, aspiration: aspiration ?? null, target, step: next.step, stepsToGo: next.route ? next.route.length : null, leading };
}

/** The person says where they would like to go, or not now, and whether their manager may see it. */
export async function setAspiration(deps: Pick<AppDeps, 'aspirations' | 'pathways'>, person: Person, choice: AspirationChoice, shareWithManager: boolean, today: IsoDate): Promise<{ invalid: string[] } | { saved: true }> {
  const p = pathwaysOn(deps.pathways, today);
  if (choice.kind === 'role' && !p.roles.some((r) => r.id === choice.roleId)) return { invalid: ['Where you would like to go: choose from the list.'] };
  const current = currentRoleOf(p, person);
  if (choice.kind === 'role' && current?.id === choice.roleId) return { invalid: ["That is the role you are in now: choose where you'd like to go next, or Not now."] };
  const before = await deps.aspirations.get(person.tenantId, person.aadObjectId);
  const same = before && JSON.stringify(before.choice) === JSON.stringify(choice);
  await deps.aspirations.save({
    tenantId: person.tenantId, personId: person.aadObjectId, choice, shareWithManager, fromRole: current?.id ?? null,
    stepAdded: same ? before.stepAdded : false, setOn: same ? before.setOn : today,
  });
  return { saved: true };
}

/** The next step's learning joins their plan as a need (once: its id comes from the step). */
export async function addStepToPlan(deps: Pick<AppDeps, 'aspirations' | 'needs' | 'pathways' | 'policy' | 'clock'>, person: Person, today: IsoDate): Promise<{ invalid: string[] } | { added: Route }> {
  const view = await pathwayOf(deps, person, today);
  if (!view.aspiration || !view.step) return { invalid: ['Choose where you would like to go first, then Weave can add the next step.'] };
  const step = view.step;
  const now = deps.clock.now().toISOString();
  await deps.needs.save({
    tenantId: person.tenantId, personId: person.aadObjectId, needId: deterministicId('pathway', person.aadObjectId, step.from, step.to),
    codes: [...step.areas], frameworkTag: null, description: `Towards ${step.needs.title}`, activityTypes: [...step.learning], priority: 'medium', status: 'open',
    source: 'pathway', sourceRef: `${step.from}>${step.to}`, targetDate: addDays(today, 365), period: planPeriodOf(deps.policy, cadencePerson(person), today).start,
    plan: null, dropReason: null, comments: [], history: [], createdAt: now, updatedAt: now,
  });
  await deps.aspirations.save({ ...view.aspiration, stepAdded: true });
  return { added: step };
}

/** What a manager may see of a report's aim: only when the report chose to share it. */
export async function sharedAims(deps: Pick<AppDeps, 'aspirations' | 'pathways'>, tenantId: string, reportIds: readonly string[], today: IsoDate): Promise<Map<string, string>> {
  const p = pathwaysOn(deps.pathways, today);
  const all = await deps.aspirations.list(tenantId);
  const ids = new Set(reportIds);
  const aims = new Map<string, string>();
  for (const a of all.filter((x) => ids.has(x.personId) && x.shareWithManager)) {
    aims.set(a.personId, a.choice.kind === 'not_now' ? 'not now' : p.roles.find((r) => r.id === (a.choice as { roleId: string }).roleId)?.title ?? 'a role no longer in the pathways');
  }
  return aims;
}

export interface AspirationTables {
  heading: string;
  rows: AspirationRow[];
}

/** L&D: aspirations and who has moved on, by profession, service, registered or not and qualified or not. Totals only. */
export async function orgAspirations(deps: Pick<AppDeps, 'aspirations' | 'pathways' | 'qualifications' | 'people' | 'config' | 'planPolicy'>, today: IsoDate, people?: readonly Person[]): Promise<AspirationTables[]> {
  const p = pathwaysOn(deps.pathways, today);
  const [everyone, aspirations] = await Promise.all([people ? Promise.resolve(people) : deps.people.list(deps.config.tenantId), deps.aspirations.list(deps.config.tenantId)]);
  const active = everyone.filter((x) => x.status === 'active');
  const qualified = await professionallyQualified(deps, deps.config.tenantId, active);
  const byPerson = new Map(aspirations.map((a) => [a.personId, a]));
  const entries = active.map((person) => {
    const aspiration = byPerson.get(person.aadObjectId) ?? null;
    const now = currentRoleOf(p, person)?.id ?? null;
    const moved = !!aspiration && ((aspiration.choice.kind === 'role' && now === aspiration.choice.roleId) || (!!aspiration.fromRole && !!now && now !== aspiration.fromRole));
    return { person, aspiration, moved };
  });
  const t = deps.planPolicy.threshold;
  const by = (heading: string, groupOf: (x: Person) => string): AspirationTables => ({ heading, rows: aspirationTable(entries.map((e) => ({ group: groupOf(e.person), aspiration: e.aspiration, moved: e.moved })), t) });
  return [
    by('By profession', (x) => professionLabel(x.profession)),
    by('By service', (x) => x.service || 'Not recorded'),
    by('Registered with a regulator, or not', (x) => (x.registrationBody !== 'none' ? 'Registered with a regulator' : 'Not registered')),
    by('Professionally qualified, or not', (x) => qualifiedLabel(qualified.has(x.aadObjectId))),
  ].filter((table) => table.rows.length > 0);
}
