// What the organisation plan shows of supervision and appraisal closing their loop: supervision held
// against the policy, by team and profession, and what got in the way of learning, by profession (as
// people said at appraisal, and when they said an offer was not for them).
// Totals only, as app/plans/supervisionTotals.ts and barriers.ts work them out.
import type { IsoDate } from '../../core/calendar';
import type { Person } from '../../core/people';
import type { AppDeps } from '../deps';
import { barrierCounts } from './barriers';
import { notForMeCounts } from './notForMe';
import { supervisionTotals, type FrequencyRow } from './supervisionTotals';

type Section = { heading: string; rows: { title: string; value: string }[] };

const OFFER_GROUPS = 8;

const frequencyLine = (r: FrequencyRow) =>
  `${r.people} people · ${r.heldPercent === null ? 'none expected' : `${r.heldPercent}% of expected supervision held`} · all of theirs: ${r.onCadence}`;

export async function orgSupervisionAndBarriers(deps: Pick<AppDeps, 'config' | 'people' | 'sessions' | 'policy' | 'planPolicy' | 'appraisals' | 'offers'>, today: IsoDate, people?: readonly Person[]) {
  const [totals, barriers, notForMe] = await Promise.all([supervisionTotals(deps, today, people), barrierCounts(deps, today, 'profession', people), notForMeCounts(deps, today, 'profession', people)]);
  const t = deps.planPolicy.threshold;
  const supervision: Section[] = [
    { heading: 'By team', rows: totals.byTeam.slice(0, 12).map((r) => ({ title: r.group, value: frequencyLine(r) })) },
    { heading: 'By profession', rows: totals.byProfession.slice(0, 12).map((r) => ({ title: r.group, value: frequencyLine(r) })) },
  ].filter((s) => s.rows.length > 0);
  const barrierRows: Section[] = barriers.rows.map((r) => ({
    heading: `${r.group} (${r.respondents} answered)`,
    rows: r.barriers.map((b) => ({ title: b.label, value: b.shown })),
  }));
  // The largest groups only, as the supervision rows are cut: the org plan card has to stay under Teams' size limit.
  const offerRows: Section[] = notForMe.slice(0, OFFER_GROUPS).map((r) => ({
    heading: `Offers not for them: ${r.group} (${r.respondents} said why)`,
    rows: r.barriers.map((b) => ({ title: b.label, value: b.shown })),
  }));
  return {
    supervisionNote: `Supervision confirmed held by supervisors over the last ${totals.weeks} weeks, against what the cadence policy expects for each person since Weave knew them. Groups of fewer than ${t} are pooled; no one is named.`,
    supervision,
    barriersNote: [
      barrierRows.length
        ? `What got in the way of learning, as people said at appraisal (their latest, in the last 15 months), by profession.`
        : `What got in the way of learning shows here once at least ${t} people have said at appraisal.`,
      offerRows.length
        ? `Then why learning offers were not for people, as they said on Not for me over the last year, in people (the ${OFFER_GROUPS} largest groups).`
        : `Why offers were not for people shows here once at least ${t} have said on Not for me.`,
      `Groups of fewer than ${t} are pooled.`,
    ].join(' '),
    barriers: [...barrierRows, ...offerRows],
  };
}
