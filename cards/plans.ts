// Plan cards: a team's digest for its channel (aggregate only), a manager's private digest of their
// reports, and the organisation's plan for L&D.
import teamTemplate from './templates/teamDigest.json' with { type: 'json' };
import managerTemplate from './templates/managerDigest.json' with { type: 'json' };
import orgTemplate from './templates/orgPlan.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import type { TeamDigest } from '../core/digest';
import { largestThatFits } from './fit';
import { banner } from './fragments';
import { expand } from './render';
import { clip, plain } from '../core/text';

export function teamDigestCard(d: TeamDigest & { eyebrow: string; threshold: number; offers: string[]; agreed?: { heading: string; lines: string[] } | null; pulse?: string | null }): AdaptiveCardJson {
  const charted = new Set(d.chart.map((c) => c.label));
  return expand(teamTemplate, {
    eyebrow: d.eyebrow,
    title: `${plain(d.team)}: team training plan`,
    agreedHeading: d.agreed?.heading ?? '',
    agreed: (d.agreed?.lines ?? []).map(plain),
    tooSmall: d.tooSmall,
    tooSmallText: `The team has fewer than ${d.threshold} people on HR's roster, so Weave posts no figures here: with so few, totals would point at people.`,
    headline: d.headline,
    trend: d.trend,
    chart: d.chart,
    table: d.table,
    otherAreas: d.table.filter((r) => !charted.has(r.label)).map((r) => `${r.label} (${r.value})`).join('; '),
    empty: 'Nobody in the team has an open learning need recorded yet.',
    subHeadings: d.subHeadings.join(', '),
    activities: d.activities.join(', '),
    offers: d.offers.map(plain),
    supervision: d.supervision,
    appraisal: d.appraisal,
    mentoring: d.mentoring,
    triggers: d.triggers ?? '',
    suggestions: d.suggestions,
    pulse: plain(d.pulse ?? ''),
    footer: `Team totals only: no names, needs or reflections, and any count under ${d.threshold} shows as "fewer than ${d.threshold}". Your own plan is in your 1:1 chat with Weave.`,
  });
}

export interface ManagerDigestPerson {
  name: string;
  role: string;
  lines: string[];
}

/** At most this many reports by name; fewer when their lines are long (cards/fit.ts). */
export const DIGEST_PEOPLE_ON_CARD = 25;
/** Enough of a need's line to recognise it; the whole need is in the person's plan. */
const DIGEST_LINE = 200;

export function managerDigestCard(d: { eyebrow: string; title: string; summary: string; people: ManagerDigestPerson[]; footer: string; triggers?: string[]; pulse?: string }): AdaptiveCardJson {
  return largestThatFits(DIGEST_PEOPLE_ON_CARD, (count) => {
    const shown = d.people.slice(0, count);
    return expand(managerTemplate, {
      ...d,
      pulse: plain(d.pulse ?? ''),
      people: shown.map((p) => ({ name: plain(p.name), role: plain(p.role), lines: p.lines.map((line) => plain(clip(line, DIGEST_LINE))) })),
      triggers: (d.triggers ?? []).map(plain),
      more: shown.length < d.people.length
        ? `Showing ${shown.length} of your ${d.people.length} reports, by name. Everyone is on the Plans tab at the top of this chat (My team).`
        : '',
    });
  });
}

type Section = { heading: string; rows: { title: string; value: string }[] };

export interface OrgPlanCardData {
  cardId: string;
  eyebrow: string;
  summary: string;
  chart: { label: string; value: number }[];
  priorities: { code: string; heading: string; lines: string[] }[];
  equity: { heading: string; rows: { title: string; value: string }[] }[];
  equityNote: string;
  mentoring: string;
  footer: string;
  /** This year's plan: teams agreed, budget, lines. */
  year: { heading: string; lines: string[] };
  benchmark: { heading: string; note: string; chart: { label: string; value: number }[]; rows: { title: string; value: string }[] };
  downloadUrl: string;
  note: string;
  /** Supervision against the policy and what got in the way of learning (totals only); left out, the card has no such sections. */
  supervisionNote?: string;
  supervision?: Section[];
  barriersNote?: string;
  barriers?: Section[];
  /** Open learning triggers and how far each has ended in learning (suppressed). */
  triggers?: { title: string; value: string }[];
  /** The integration pulse: the organisation's latest figures and any group flagged; left out, the card has no such section. */
  pulse?: { heading: string; note: string; lines: string[] };
  /** Mandatory learning compliance by profession (totals, suppressed); left out, the card has no such section. */
  mandatoryNote?: string;
  mandatory?: Section[];
  /** Career aspirations by profession (totals, suppressed); left out, the card has no such section. */
  pathwaysNote?: string;
  pathways?: Section[];
  /** Turnover by profession beside the CPD and places each group had (totals, suppressed). */
  turnoverNote?: string;
  turnover?: Section[];
}

export function orgPlanCard(d: OrgPlanCardData): AdaptiveCardJson {
  return expand(orgTemplate, {
    ...d,
    priorities: d.priorities.map((p) => ({ code: p.code, heading: p.heading, lines: p.lines.map(plain) })),
    equity: d.equity.map((e) => ({ heading: e.heading, rows: e.rows.map((r) => ({ title: plain(r.title), value: r.value })) })),
    supervisionNote: d.supervisionNote ?? '',
    barriersNote: d.barriersNote ?? '',
    mandatoryNote: d.mandatoryNote ?? '',
    pathwaysNote: d.pathwaysNote ?? '',
    turnoverNote: d.turnoverNote ?? '',
    turnover: (d.turnover ?? []).map((e) => ({ heading: plain(e.heading), rows: e.rows.map((r) => ({ title: plain(r.title), value: r.value })) })),
    pathways: (d.pathways ?? []).map((e) => ({ heading: plain(e.heading), rows: e.rows.map((r) => ({ title: plain(r.title), value: r.value })) })),
    mandatory: (d.mandatory ?? []).map((e) => ({ heading: plain(e.heading), rows: e.rows.map((r) => ({ title: plain(r.title), value: r.value })) })),
    supervision: (d.supervision ?? []).map((e) => ({ heading: plain(e.heading), rows: e.rows.map((r) => ({ title: plain(r.title), value: r.value })) })),
    barriers: (d.barriers ?? []).map((e) => ({ heading: plain(e.heading), rows: e.rows.map((r) => ({ title: plain(r.title), value: r.value })) })),
    triggers: (d.triggers ?? []).map((r) => ({ title: plain(r.title), value: r.value })),
    pulseHeading: d.pulse?.heading ?? '',
    pulseNote: d.pulse?.note ?? '',
    pulse: (d.pulse?.lines ?? []).map(plain),
    emptyPriorities: 'No open learning needs or triggers yet.',
    banner: banner('good', d.note),
    yearHeading: d.year.heading,
    year: d.year.lines,
    benchmarkHeading: d.benchmark.heading,
    benchmarkNote: d.benchmark.note,
    benchmarkChart: d.benchmark.chart,
    benchmark: d.benchmark.rows,
  });
}
