// Career pathways: roles in this workforce and the routes between them, each step with the
// qualification or programme it needs, its Common Core areas and the learning that typically leads
// there — as data (policy/pathways.json, versioned by date, validated at start). Pure: where someone
// is now, the route to where they would like to go, the next step and what in their plan already
// leads there; and L&D's totals, pooled and suppressed here so no small figure leaves this module.
import { z } from 'zod';
import { ACTIVITY_TYPE_CODES } from './activities';
import type { IsoDate } from './calendar';
import { poolSmallGroups } from './orgPlan';
import { suppressCells, type Shown } from './suppression';
import { isIsoDate } from './validation';
import { CAREER_STAGE_CODES, PROFESSION_CODES, type CareerStage, type Profession } from './workforce';

const roleId = z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be 2 to 40 lower-case letters, digits and "-"');

const role = z.strictObject({
  id: roleId,
  title: z.string().trim().min(3).max(80),
  /** Who is in this role now, from the roster: a profession (and career stage). Unset: people say so themselves. */
  professions: z.array(z.enum(PROFESSION_CODES)).min(1).optional(),
  careerStages: z.array(z.enum(CAREER_STAGE_CODES)).min(1).optional(),
});

const route = z.strictObject({
  from: roleId,
  to: roleId,
  needs: z.strictObject({
    kind: z.enum(['qualification', 'programme', 'experience']),
    title: z.string().trim().min(3).max(160),
    level: z.number().int().min(2).max(8).optional(),
  }),
  areas: z.array(z.string().regex(/^CC[1-6]$/, 'must be a Common Core area, CC1 to CC6')).min(1),
  learning: z.array(z.enum(ACTIVITY_TYPE_CODES)).min(1),
  /** A move across professions rather than up within one. */
  lateral: z.boolean().optional(),
});

const version = z.strictObject({
  effectiveFrom: z.string().refine(isIsoDate, 'must be a date, YYYY-MM-DD'),
  note: z.string().min(1),
  roles: z.array(role).min(2),
  routes: z.array(route).min(1),
}).superRefine((v, ctx) => {
  const ids = new Set<string>();
  v.roles.forEach((r, i) => {
    if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['roles', i, 'id'], message: `"${r.id}" is used twice` });
    ids.add(r.id);
  });
  v.routes.forEach((r, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(r[end])) ctx.addIssue({ code: 'custom', path: ['routes', i, end], message: `"${r[end]}" is not a role in this version` });
    }
    if (r.from === r.to) ctx.addIssue({ code: 'custom', path: ['routes', i], message: 'goes from a role to itself' });
  });
});

export const pathwayPolicy = z.strictObject({
  version: z.number().int().min(1),
  versions: z.array(version).min(1).refine((vs) => vs.every((v, i) => i === 0 || vs[i - 1]!.effectiveFrom < v.effectiveFrom), 'versions must be in order of effectiveFrom'),
});
export type PathwayPolicy = z.infer<typeof pathwayPolicy>;
export type Pathways = PathwayPolicy['versions'][number];
export type PathwayRole = Pathways['roles'][number];
export type Route = Pathways['routes'][number];

export function parsePathwayPolicy(json: unknown, source = 'policy/pathways.json'): PathwayPolicy {
  const parsed = pathwayPolicy.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The career pathways in ${source} are not valid, so Weave cannot start:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

export function pathwaysOn(policy: PathwayPolicy, date: IsoDate): Pathways {
  let current = policy.versions[0]!;
  for (const v of policy.versions) if (v.effectiveFrom <= date) current = v;
  return current;
}

/** The role someone is in, as far as the roster says: the first role for their profession (and stage). */
export function currentRoleOf(p: Pathways, person: { profession: Profession; careerStage: CareerStage }): PathwayRole | null {
  return p.roles.find((r) => r.professions?.includes(person.profession) && (!r.careerStages || r.careerStages.includes(person.careerStage))) ?? null;
}

/** The shortest route from one role to another (fewest steps), or null if there is none. */
export function routeBetween(p: Pathways, from: string, to: string): Route[] | null {
  if (from === to) return [];
  const cameBy = new Map<string, Route>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const r of p.routes.filter((x) => x.from === at && !seen.has(x.to))) {
      seen.add(r.to);
      cameBy.set(r.to, r);
      if (r.to === to) {
        const path: Route[] = [];
        for (let step: Route | undefined = r; step; step = cameBy.get(step.from)) path.unshift(step);
        return path;
      }
      queue.push(r.to);
    }
  }
  return null;
}

/** The choice "not now", as a form sends it. */
export const NOT_NOW = 'not_now';

export interface NextStep {
  /** Every step from where they are, or null when Weave cannot see a route from their role. */
  route: Route[] | null;
  step: Route | null;
}

/** The next step towards a role: the first on the route from their current role, else a way in to it. */
export function nextStepTo(p: Pathways, current: PathwayRole | null, target: string): NextStep {
  const route = current ? routeBetween(p, current.id, target) : null;
  if (route && route.length > 0) return { route, step: route[0]! };
  if (route) return { route, step: null }; // already there
  return { route: null, step: p.routes.find((r) => r.to === target) ?? null };
}

/** Open needs in someone's plan that already lead there: in one of the step's areas. */
export function leadingNeeds<N extends { codes: readonly string[]; open: boolean }>(step: Route, needs: readonly N[]): N[] {
  return needs.filter((n) => n.open && n.codes.some((c) => step.areas.includes(c.split('.')[0]!)));
}

export type AspirationChoice = { kind: 'role'; roleId: string } | { kind: 'not_now' };

/** What someone said about where they would like to go, and who may see it. */
export interface Aspiration {
  tenantId: string;
  personId: string;
  choice: AspirationChoice;
  /** The person chose to let their line manager see it. Nobody else sees it by name. */
  shareWithManager: boolean;
  /** Their role when they chose (a role id), so L&D can see who has since moved on. */
  fromRole: string | null;
  /** The step added to their plan, if they asked. */
  stepAdded: boolean;
  setOn: IsoDate;
}

export interface AspirationRow {
  group: string;
  people: number;
  aiming: Shown;
  notNow: Shown;
  notSaid: Shown;
  /** People now in the role they aimed for, or past the role they were in when they chose. */
  moved: Shown;
}

/**
 * L&D's view of aspirations and progression, by a grouping (profession, service, registered or not,
 * qualified or not): groups under the threshold pooled; in each row, the aiming / not now / not said
 * counts (which add up to the row) are suppressed together, and moved on its own.
 */
export function aspirationTable(entries: readonly { group: string; aspiration: Aspiration | null; moved: boolean }[], t: number): AspirationRow[] {
  const sizes = new Map<string, number>();
  for (const e of entries) sizes.set(e.group, (sizes.get(e.group) ?? 0) + 1);
  const pooled = new Map([...poolSmallGroups(sizes, t)].filter(([, n]) => n >= t));
  const other = `Other (groups under ${t})`;
  const groupFor = (g: string) => (pooled.has(g) && g !== other ? g : other);
  return [...pooled.keys()].map((group) => {
    const members = entries.filter((e) => groupFor(e.group) === group);
    const aiming = members.filter((m) => m.aspiration?.choice.kind === 'role').length;
    const notNow = members.filter((m) => m.aspiration?.choice.kind === 'not_now').length;
    const [a, n, s] = suppressCells([aiming, notNow, members.length - aiming - notNow], t) as [Shown, Shown, Shown];
    const moved = members.filter((m) => m.moved).length;
    // Moved and not moved add up to the row too: neither may point at fewer than t people.
    const [m] = suppressCells([moved, members.length - moved], t) as [Shown, Shown];
    return { group, people: members.length, aiming: a, notNow: n, notSaid: s, moved: m };
  }).sort((x, y) => y.people - x.people || x.group.localeCompare(y.group));
}

