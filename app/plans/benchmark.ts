// The workforce benchmark, from the self-ratings people give when they prepare for their appraisal.
import { computeBenchmark, teamAgainstOrganisation, type Benchmark, type Rating } from '../../core/benchmark';
import { orgYearOf, previousYear, type OrgYear } from '../../core/orgYear';
import { AREA_CODES } from '../../core/commonCore';
import { professionLabel } from '../../core/workforce';
import type { AppDeps } from '../deps';

type BenchmarkDeps = Pick<AppDeps, 'sessions' | 'people' | 'planPolicy'>;

/** Everyone's ratings over this year and the one before, each with the group they are in now. */
export async function loadRatings(deps: BenchmarkDeps, tenantId: string, year: OrgYear): Promise<Rating[]> {
  const before = previousYear(year, deps.planPolicy.orgYear.startsOn);
  const [appraisals, people] = await Promise.all([deps.sessions.listAnsweredAppraisals(tenantId, before.start, year.end), deps.people.list(tenantId)]);
  const byId = new Map(people.filter((p) => p.status === 'active').map((p) => [p.aadObjectId, p]));
  const ratings: Rating[] = [];
  for (const a of appraisals) {
    const person = byId.get(a.personId);
    const answers = a.answers;
    if (!person || !answers) continue;
    const rated = AREA_CODES.map((c): [string, number] => [c, Number(answers[`sa_${c}`])]).filter(([, n]) => Number.isInteger(n) && n >= 1 && n <= 4);
    const scores: Record<string, number> = Object.fromEntries(rated);
    if (Object.keys(scores).length === 0) continue;
    ratings.push({ year: orgYearOf(a.date, deps.planPolicy.orgYear.startsOn).start, profession: person.profession, service: person.service, team: person.team, scores });
  }
  return ratings;
}

export interface Benchmarks {
  thisYear: Benchmark;
  yearBefore: Benchmark;
}

export function benchmarksOf(deps: Pick<AppDeps, 'planPolicy'>, ratings: readonly Rating[], year: OrgYear): Benchmarks {
  const t = deps.planPolicy.threshold;
  return {
    thisYear: computeBenchmark(year.start, ratings, t, professionLabel),
    yearBefore: computeBenchmark(previousYear(year, deps.planPolicy.orgYear.startsOn).start, ratings, t, professionLabel),
  };
}

export async function teamBenchmark(deps: BenchmarkDeps, tenantId: string, team: string, today: string) {
  const year = orgYearOf(today, deps.planPolicy.orgYear.startsOn);
  return teamAgainstOrganisation(year.start, team, await loadRatings(deps, tenantId, year), deps.planPolicy.threshold);
}
