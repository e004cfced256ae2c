// What the integration pulse shows, and to whom. L&D and leaders: the organisation by service and
// by profession over the quarters, with each group's cross-profession activity beside it (shown
// side by side, never as cause and effect), and any group whose "valued" share has fallen two
// quarters running flagged with a suggestion. A manager: their team against the organisation, or
// — where the team's answers are too few, or would give a smaller group away — the service it is
// pooled into. Every figure comes from core/pulse.ts's quarterResults, so nothing from fewer than
// the policy's minimum answers reaches any view, nor by subtraction between views.
import { addMonths, type IsoDate } from '../../core/calendar';
import {
  pulseOn, pulseResults, quarterOf, quarterShort, quartersUpTo, teamOrPooled, trendOf, valuedFalling,
  type PulseFigures, type Quarter, type QuarterResults,
} from '../../core/pulse';
import { suppressCells, type Shown } from '../../core/suppression';
import { professionLabel } from '../../core/workforce';
import type { AppDeps } from '../deps';
import { teamLedBy } from '../plans/rollup';

type ResultsDeps = Pick<AppDeps, 'config' | 'pulse' | 'pulsePolicy' | 'people'>;

export const STATEMENT_SHORT = { understand: 'Understand other roles', contact: 'Know who to contact', valued: 'Feel valued by other professions', learned: 'Learned from another profession' } as const;

/** "71% understand · 64% know who to contact · 58% feel valued · 49% learned from another profession (62 answered)". */
export function figuresLine(f: PulseFigures): string {
  return `${f.understand}% understand other roles · ${f.contact}% know who to contact · ${f.valued}% feel valued · ${f.learned}% learned from another profession (${f.responses} answered)`;
}

export async function loadPulse(deps: ResultsDeps, today: IsoDate): Promise<{ quarters: Quarter[]; results: QuarterResults[]; minGroup: number }> {
  const version = pulseOn(deps.pulsePolicy, today);
  const quarters = quartersUpTo(quarterOf(today), version.trendQuarters);
  const responses = await deps.pulse.responses(deps.config.tenantId, quarters);
  return { quarters, results: pulseResults(quarters, responses, version.minGroup), minGroup: version.minGroup };
}

export interface PulseGroupRow {
  group: string;
  /** One a quarter, oldest first; null where not shown. */
  trend: (PulseFigures | null)[];
  /** "Valued" fell two quarters running. */
  falling: boolean;
  /** Cross-profession activity of the group's staff over the last three months, as counts of people (null: fewer than the plans' threshold). */
  activity: { pairsMet: Shown; shadowing: Shown; mixedPlaces: Shown };
}

export interface OrgPulse {
  quarters: { quarter: Quarter; label: string }[];
  organisation: (PulseFigures | null)[];
  dimensions: { dimension: 'service' | 'profession'; heading: string; rows: PulseGroupRow[] }[];
  flagged: { group: string; suggestion: string }[];
  note: string;
  activityNote: string;
  minGroup: number;
}

const suggestionFor = (group: string) =>
  `${group}: feeling valued by other professions has fallen two quarters running. Try a mixed-profession reflective learning set that includes them, or shadowing offers with the professions they work with most.`;

/** The organisation's pulse for L&D and leaders. Groups are listed from the roster, so a row's presence says nothing about who answered. */
export async function orgPulse(deps: ResultsDeps & Pick<AppDeps, 'mentoring' | 'offers' | 'planPolicy'>, today: IsoDate): Promise<OrgPulse> {
  const [{ quarters, results, minGroup }, people] = await Promise.all([loadPulse(deps, today), deps.people.list(deps.config.tenantId)]);
  const active = people.filter((p) => p.status === 'active');
  const activity = await crossProfessionActivity(deps, active, today);
  const dimensions = (['service', 'profession'] as const).map((dimension) => {
    const names = [...new Set(active.map((p) => (dimension === 'service' ? p.service || 'Not recorded' : p.profession)))].sort();
    const rows = names.map((name): PulseGroupRow & { key: string } => {
      const trend = trendOf(results, dimension, name);
      return { key: name, group: dimension === 'profession' ? professionLabel(name) : name, trend, falling: valuedFalling(trend), activity: activity[dimension].get(name) ?? { pairsMet: 0, shadowing: 0, mixedPlaces: 0 } };
    });
    return { dimension, heading: dimension === 'service' ? 'By service' : 'By profession', rows: rows.map(({ key: _key, ...r }) => r) };
  });
  const t = deps.planPolicy.threshold;
  return {
    quarters: quarters.map((q) => ({ quarter: q, label: quarterShort(q) })),
    organisation: trendOf(results, 'organisation'),
    dimensions,
    flagged: dimensions.flatMap((d) => d.rows.filter((r) => r.falling).map((r) => ({ group: r.group, suggestion: suggestionFor(r.group) }))),
    note: `The share agreeing (or, for learning from another profession, saying yes), by quarter. Anonymous: a group's results show only where at least ${minGroup} answered, and not where they would let a smaller group be worked out from another view.`,
    activityNote: `Beside each group, its staff's cross-profession activity in the last three months: people in mentoring or coaching pairs with another profession who met, in shadowing pairs who met, and with places on offers that brought professions together. Shown side by side, not as cause and effect. Counts under ${t} show as "fewer than ${t}".`,
    minGroup,
  };
}

/**
 * People in each service and profession who, in the last three months: met in a mentoring or coaching
 * pair with another profession; met in a shadowing pair with another profession; had a place on an
 * offer whose places went to more than one profession. Counts of people, suppressed within each dimension.
 */
async function crossProfessionActivity(deps: Pick<AppDeps, 'config' | 'mentoring' | 'offers' | 'planPolicy'>, people: readonly { aadObjectId: string; service: string; profession: string }[], today: IsoDate) {
  const since = addMonths(today, -3);
  const byId = new Map(people.map((p) => [p.aadObjectId, p]));
  const [matches, offers] = await Promise.all([deps.mentoring.listMatches(deps.config.tenantId), deps.offers.list(deps.config.tenantId)]);
  const pairsMet = new Set<string>();
  const shadowing = new Set<string>();
  for (const m of matches) {
    const a = byId.get(m.mentorId);
    const b = byId.get(m.menteeId);
    if (!a || !b || a.profession === b.profession) continue;
    if (!m.checkIns.some((c) => c.met && c.at.slice(0, 10) >= since && c.at.slice(0, 10) <= today)) continue;
    for (const id of [m.mentorId, m.menteeId]) (m.kind === 'shadowing' ? shadowing : pairsMet).add(id);
  }
  const mixedPlaces = new Set<string>();
  const recent = offers.filter((o) => (o.status === 'sending' || o.status === 'sent') && o.date >= since && o.date <= today);
  const bookings = await Promise.all(recent.map((o) => deps.offers.listBookings(o.offerId)));
  for (const list of bookings) {
    const placed = list.filter((b) => b.status === 'booked' || b.status === 'attended').map((b) => b.personId).filter((id) => byId.has(id));
    if (new Set(placed.map((id) => byId.get(id)!.profession)).size > 1) for (const id of placed) mixedPlaces.add(id);
  }
  const t = deps.planPolicy.threshold;
  const out = { service: new Map<string, PulseGroupRow['activity']>(), profession: new Map<string, PulseGroupRow['activity']>() };
  for (const dimension of ['service', 'profession'] as const) {
    const groupOf = (id: string) => {
      const p = byId.get(id)!;
      return dimension === 'service' ? p.service || 'Not recorded' : p.profession;
    };
    const names = [...new Set(people.map((p) => groupOf(p.aadObjectId)))].sort();
    const column = (set: Set<string>) => {
      const counts = names.map((n) => [...set].filter((id) => groupOf(id) === n).length);
      return suppressCells(counts, t);
    };
    const [pm, sh, mp] = [column(pairsMet), column(shadowing), column(mixedPlaces)];
    names.forEach((n, i) => out[dimension].set(n, { pairsMet: pm[i]!, shadowing: sh[i]!, mixedPlaces: mp[i]! }));
  }
  return out;
}

export interface TeamPulse {
  team: string | null;
  quarters: { quarter: Quarter; label: string; mine: { level: 'team' | 'service' | 'organisation'; name: string; figures: PulseFigures } | null; organisation: PulseFigures | null }[];
  note: string;
}

/** A manager's team against the organisation, quarter by quarter (the team pooled into its service where too few answered). */
export async function teamPulse(deps: ResultsDeps, managerId: string, today: IsoDate): Promise<TeamPulse> {
  const [{ quarters, results, minGroup }, people] = await Promise.all([loadPulse(deps, today), deps.people.list(deps.config.tenantId)]);
  const team = teamLedBy(managerId, people);
  return {
    team,
    quarters: quarters.map((q, i) => ({ quarter: q, label: quarterShort(q), mine: team ? teamOrPooled(results[i]!, team) : null, organisation: results[i]!.organisation })),
    note: `Anonymous: results show only where at least ${minGroup} answered. Where your team's answers are too few (or would let a smaller group be worked out), your service's are shown instead.`,
  };
}

/** The latest quarter's line for a manager's digest: their team (or where it is pooled) and the organisation. */
export function teamPulseLine(p: TeamPulse): string {
  const latest = [...p.quarters].reverse().find((q) => q.mine || q.organisation);
  if (!latest) return 'Integration pulse: no results yet (a group shows once at least five have answered).';
  const mine = latest.mine && latest.mine.level !== 'organisation'
    ? `${latest.mine.level === 'team' ? 'your team' : `your service (${latest.mine.name}; too few answers to show the team alone)`}: ${figuresLine(latest.mine.figures)}`
    : 'your team: too few answers to show';
  return `Integration pulse, ${latest.label} — ${mine}; the organisation: ${latest.organisation ? figuresLine(latest.organisation) : 'not enough answers yet'}.`;
}

/**
 * What a team's channel may see: the team's own figures, for the latest quarter with any results,
 * or nothing — never its service's or anyone else's.
 */
export async function teamChannelPulseLine(deps: ResultsDeps, team: string, today: IsoDate): Promise<string | null> {
  const { results } = await loadPulse(deps, today);
  const latest = [...results].reverse().find((r) => r.organisation);
  const own = latest?.team.get(team);
  return own && latest ? `Integration pulse, ${quarterShort(latest.quarter)}: ${figuresLine(own)}.` : null;
}

/** The org plan's few lines on the pulse: the organisation's latest figures against the quarter before, and every group flagged. */
export function orgPulseLines(p: OrgPulse): { heading: string; note: string; lines: string[] } {
  const shown = p.quarters.map((q, i) => ({ label: q.label, f: p.organisation[i] ?? null })).filter((x) => x.f);
  const [before, latest] = [shown.at(-2), shown.at(-1)];
  return {
    heading: 'Is "us and them" closing? The integration pulse',
    note: `Anonymous, quarterly; groups of fewer than ${p.minGroup} answers are not shown. By service and profession, beside each group's cross-profession activity, in the tab.`,
    lines: [
      latest ? `${latest.label}: ${figuresLine(latest.f!)}.` : `No results yet: the organisation's show once at least ${p.minGroup} have answered in a quarter.`,
      ...(before ? [`${before.label}: ${figuresLine(before.f!)}.`] : []),
      // A few only: the org plan card has to stay under Teams' size limit; the tab lists every one.
      ...p.flagged.slice(0, 4).map((f) => f.suggestion),
      ...(p.flagged.length > 4 ? [`${p.flagged.length - 4} more groups flagged: see the Organisation page of the Weave tab.`] : []),
    ],
  };
}
