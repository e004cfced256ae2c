// Mandatory learning: what the employer requires everyone (or some) to keep current — a safeguarding
// refresher, the annual KCSIE update, designated safeguarding lead training, an induction set for
// joiners — as data (policy/mandatory.json, versioned by date, validated at start). Pure: who a
// requirement applies to, the last evidence for it in someone's CPD record, when it is next due and
// where they stand. Totals for L&D are pooled and suppressed here too, so no figure under the
// threshold leaves this module.
import { z } from 'zod';
import { ACTIVITY_TYPE_CODES, type ActivityType } from './activities';
import { addDays, addMonths, daysBetween, type IsoDate } from './calendar';
import { poolSmallGroups } from './orgPlan';
import { suppressCells, type Shown } from './suppression';
import { isIsoDate } from './validation';
import { PROFESSION_CODES, ROLE_CODES, type Profession, type Role } from './workforce';

const isoDate = z.string().refine(isIsoDate, 'must be a date, YYYY-MM-DD');
const area = z.string().regex(/^CC[1-6]$/, 'must be a Common Core area, CC1 to CC6');
const words = z.array(z.string().trim().min(2).max(80)).min(1);

/** Who a requirement is for: anyone matching any selector given. */
const who = z.strictObject({
  allStaff: z.literal(true).optional(),
  professions: z.array(z.enum(PROFESSION_CODES)).min(1).optional(),
  roles: z.array(z.enum(ROLE_CODES)).min(1).optional(),
  /** Team names as the roster has them (case and spacing aside). */
  teams: z.array(z.string().trim().min(1)).min(1).optional(),
  /** Whole words in a job title: "designated safeguarding lead", "DSL". */
  jobTitleIncludes: words.optional(),
}).refine((w) => Object.values(w).some((v) => v !== undefined), 'must name someone: allStaff, professions, roles, teams or jobTitleIncludes');

/** What counts as having done it: a CPD record in one of these areas (attending an offer makes one, titled as the offer). */
const evidence = z.strictObject({
  areas: z.array(area).min(1),
  /** The record's title must hold one of these, as whole words: the named course or the offer's title. */
  titleIncludes: words.optional(),
  activityTypes: z.array(z.enum(ACTIVITY_TYPE_CODES)).min(1).optional(),
});

const requirement = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be 2 to 40 lower-case letters, digits and "-"'),
  title: z.string().trim().min(3).max(120),
  who,
  /** Done again every so many months; or once, within weeks of starting (joiners since a date). */
  every: z.strictObject({ months: z.number().int().min(1).max(120) }).optional(),
  once: z.strictObject({ withinWeeksOfStart: z.number().int().min(1).max(104), joinersFrom: isoDate }).optional(),
  /** For a recurring requirement never yet done: how long a joiner has for the first time. */
  firstWithinWeeks: z.number().int().min(1).max(104).optional(),
  evidence,
  /** Part of the induction set: a joiner has it added to their plan on their first day in Weave. */
  induction: z.boolean().optional(),
}).refine((r) => (r.every ? 1 : 0) + (r.once ? 1 : 0) === 1, 'must say either every (months) or once (withinWeeksOfStart)')
  .refine((r) => !r.induction || r.once, 'only a once-only requirement can be in the induction set');

export const mandatoryPolicy = z.strictObject({
  version: z.number().int().min(1),
  versions: z.array(z.strictObject({
    effectiveFrom: isoDate,
    note: z.string().min(1),
    /** Reminders start this many days before the due date. */
    remindDaysBefore: z.number().int().min(1).max(180),
    /** At most one reminder a person in this many days (policy: a fortnight). */
    remindEveryDays: z.number().int().min(7).max(90),
    requirements: z.array(requirement).min(1)
      .refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, 'requirement ids must be different'),
  })).min(1).refine((vs) => vs.every((v, i) => i === 0 || vs[i - 1]!.effectiveFrom < v.effectiveFrom), 'versions must be in order of effectiveFrom'),
});
export type MandatoryPolicy = z.infer<typeof mandatoryPolicy>;
export type MandatoryRules = MandatoryPolicy['versions'][number];
export type Requirement = MandatoryRules['requirements'][number];

export function parseMandatoryPolicy(json: unknown, source = 'policy/mandatory.json'): MandatoryPolicy {
  const parsed = mandatoryPolicy.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The mandatory learning rules in ${source} are not valid, so Weave cannot start:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

export function mandatoryRulesOn(policy: MandatoryPolicy, date: IsoDate): MandatoryRules {
  let current = policy.versions[0]!;
  for (const v of policy.versions) if (v.effectiveFrom <= date) current = v;
  return current;
}

/** What a requirement needs to know of a person. */
export interface MandatoryPerson {
  profession: Profession;
  team: string;
  jobTitle: string;
  roles: readonly Role[];
  startDate: IsoDate | null;
  knownSince?: IsoDate | null;
}

/** What it needs to know of a CPD record: no reflection, no words beyond the title it matches against. */
export interface EvidenceFacts {
  date: IsoDate;
  codes: readonly string[];
  activityType: ActivityType;
  title: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "DSL" in "Team manager (DSL)" but not in "DSLR"; case and runs of spaces aside. */
export function hasWords(text: string, phrases: readonly string[]): boolean {
  const t = text.replace(/\s+/g, ' ');
  return phrases.some((p) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(p.trim()).replace(/ /g, '\\s+')}($|[^\\p{L}\\p{N}])`, 'iu').test(t));
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** When someone started, as far as Weave knows: HR's date, or the day Weave first knew them. */
export function startOf(person: Pick<MandatoryPerson, 'startDate' | 'knownSince'>): IsoDate | null {
  return person.startDate ?? person.knownSince ?? null;
}

export function appliesTo(req: Requirement, person: MandatoryPerson): boolean {
  if (req.once) {
    const start = startOf(person);
    if (!start || start < req.once.joinersFrom) return false;
  }
  const w = req.who;
  return !!w.allStaff
    || (w.professions?.includes(person.profession) ?? false)
    || (w.roles?.some((r) => person.roles.includes(r)) ?? false)
    || (w.teams?.some((t) => norm(t) === norm(person.team)) ?? false)
    || (!!w.jobTitleIncludes && hasWords(person.jobTitle, w.jobTitleIncludes));
}

export function counts(req: Requirement, record: EvidenceFacts): boolean {
  const e = req.evidence;
  if (!record.codes.some((c) => e.areas.includes(c.split('.')[0]!))) return false;
  if (e.activityTypes && !e.activityTypes.includes(record.activityType)) return false;
  return !e.titleIncludes || hasWords(record.title, e.titleIncludes);
}

/**
 * - `up_to_date`: done, and not due again within the reminder window.
 * - `to_do`: not done yet, due later (a joiner's induction in its first weeks).
 * - `due_soon`: due within the reminder window. `overdue`: past its date, or never done and no grace.
 */
export type MandatoryStatus = 'up_to_date' | 'to_do' | 'due_soon' | 'overdue';
export const MANDATORY_STATUS_LABELS: Record<MandatoryStatus, string> = {
  up_to_date: 'Up to date', to_do: 'To do', due_soon: 'Due soon', overdue: 'Overdue',
};

export interface Standing {
  requirement: Requirement;
  status: MandatoryStatus;
  /** When it is (next) due; null when it was never done and has no date to be done by. */
  dueOn: IsoDate | null;
  lastDone: IsoDate | null;
}

/** Where someone stands on each requirement that applies to them, as of today. */
export function standingsOf(policy: MandatoryPolicy, person: MandatoryPerson, records: readonly EvidenceFacts[], today: IsoDate): Standing[] {
  const rules = mandatoryRulesOn(policy, today);
  const start = startOf(person);
  return rules.requirements.filter((r) => appliesTo(r, person)).map((req) => {
    const done = records.filter((r) => r.date <= today && counts(req, r) && (!req.once || r.date >= addDays(start!, -28))).map((r) => r.date).sort();
    const lastDone = done.at(-1) ?? null;
    let dueOn: IsoDate | null;
    if (req.once) dueOn = addDays(start!, 7 * req.once.withinWeeksOfStart);
    else if (lastDone) dueOn = addMonths(lastDone, req.every!.months);
    else {
      // A joiner's grace for the first time; for people here before Weave knew them, there is no date to give.
      const grace = start && req.firstWithinWeeks ? addDays(start, 7 * req.firstWithinWeeks) : null;
      dueOn = grace && (!person.knownSince || grace >= person.knownSince) ? grace : null;
    }
    let status: MandatoryStatus;
    if (req.once && lastDone) status = 'up_to_date';
    else if (dueOn === null || dueOn < today) status = 'overdue';
    else if (daysBetween(today, dueOn) <= rules.remindDaysBefore) status = 'due_soon';
    else status = lastDone ? 'up_to_date' : 'to_do';
    return { requirement: req, status, dueOn, lastDone };
  });
}

/** Someone should hear about it: due within the reminder window, or overdue. */
export const wantsReminder = (s: Standing) => s.status === 'due_soon' || s.status === 'overdue';

/**
 * Whether today is a reminder day for this person: the first working day of each of their rounds
 * (`every` days from a day fixed for them), so reminders are at least `every` days apart however
 * many requirements are due. `isWorkingDay` is the organisation's calendar.
 */
export function reminderRound(anchor: IsoDate, today: IsoDate, every: number, isWorkingDay: (d: IsoDate) => boolean): number | null {
  const since = daysBetween(anchor, today);
  if (since < 0) return null;
  const round = Math.floor(since / every);
  let first = addDays(anchor, round * every);
  while (!isWorkingDay(first)) first = addDays(first, 1);
  return first === today ? round : null;
}

export interface ComplianceRow {
  group: string;
  /** People the requirement applies to in the group: never fewer than the threshold. */
  people: number;
  upToDate: Shown;
  dueSoon: Shown;
  overdue: Shown;
}

export interface ComplianceTable {
  requirementId: string;
  title: string;
  rows: ComplianceRow[];
}

/**
 * Compliance for L&D: for each requirement, people in each group who are up to date (or not yet
 * due), due soon and overdue. Groups under the threshold are pooled (poolSmallGroups); within a row,
 * counts from 1 to t-1 are hidden along with whatever would give them away (suppressCells).
 */
export function complianceTables(entries: readonly { group: string; standing: Standing }[], t: number): ComplianceTable[] {
  const byReq = new Map<string, { title: string; items: { group: string; status: MandatoryStatus }[] }>();
  for (const e of entries) {
    const id = e.standing.requirement.id;
    if (!byReq.has(id)) byReq.set(id, { title: e.standing.requirement.title, items: [] });
    byReq.get(id)!.items.push({ group: e.group, status: e.standing.status });
  }
  const other = `Other (groups under ${t})`;
  return [...byReq.entries()].map(([requirementId, { title, items }]) => {
    const sizes = new Map<string, number>();
    for (const i of items) sizes.set(i.group, (sizes.get(i.group) ?? 0) + 1);
    const pooled = new Map([...poolSmallGroups(sizes, t)].filter(([, n]) => n >= t));
    const groupFor = (g: string) => (pooled.has(g) && g !== other ? g : other);
    const rows = [...pooled.keys()].map((group) => {
      const members = items.filter((i) => groupFor(i.group) === group);
      const c = [
        members.filter((m) => m.status === 'up_to_date' || m.status === 'to_do').length,
        members.filter((m) => m.status === 'due_soon').length,
        members.filter((m) => m.status === 'overdue').length,
      ];
      const [upToDate, dueSoon, overdue] = suppressCells(c, t) as [Shown, Shown, Shown];
      return { group, people: members.length, upToDate, dueSoon, overdue };
    }).sort((a, b) => b.people - a.people || a.group.localeCompare(b.group));
    return { requirementId, title, rows };
  }).filter((table) => table.rows.length > 0);
}
