// The workforce benchmark: appraisal self-ratings (1 to 4 against each Common Core area) rolled up
// into a mean and a distribution per area for the organisation, and a mean per area by profession,
// by service, and for a team beside the organisation — this year and the year before.
// Suppression: groups under the threshold are pooled; an area's mean is shown for a breakdown only
// when every group in it had at least the threshold rate that area (one hidden group could be worked
// out from the organisation's figure and the others); the organisation's distribution hides counts
// of people as core/suppression.ts says, and groups get no distribution (it could be subtracted
// from the organisation's).
import { AREA_CODES } from './commonCore';
import { poolSmallGroups } from './orgPlan';
import { suppressCells, type Shown } from './suppression';

export interface Rating {
  year: string;
  profession: string;
  service: string;
  team: string;
  /** Area code → 1..4, for the areas they rated. */
  scores: Readonly<Record<string, number>>;
}

export interface AreaFigure {
  area: string;
  /** How many rated it; null when fewer than the threshold did. */
  respondents: number | null;
  /** One decimal place; null when fewer than the threshold rated it. */
  mean: number | null;
  /** How many rated 1, 2, 3, 4 (hidden where it would point at fewer than the threshold). */
  distribution: Shown[];
}

export interface GroupMeans {
  group: string;
  respondents: number;
  /** Area code → mean, or null where it is hidden. */
  means: Record<string, number | null>;
}

export interface Benchmark {
  year: string;
  respondents: number;
  organisation: AreaFigure[];
  byProfession: GroupMeans[];
  byService: GroupMeans[];
}

const mean1 = (xs: readonly number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
const scoresFor = (ratings: readonly Rating[], area: string) => ratings.map((r) => r.scores[area]).filter((s): s is number => typeof s === 'number' && s >= 1 && s <= 4);

function organisationFigures(ratings: readonly Rating[], t: number): AreaFigure[] {
  return AREA_CODES.map((area) => {
    const scores = scoresFor(ratings, area);
    const enough = scores.length >= t;
    return {
      area,
      respondents: enough ? scores.length : null,
      mean: enough ? mean1(scores) : null,
      distribution: enough ? suppressCells([1, 2, 3, 4].map((v) => scores.filter((s) => s === v).length), t) : [null, null, null, null],
    };
  });
}

function breakdown(ratings: readonly Rating[], key: (r: Rating) => string, label: (k: string) => string, t: number): GroupMeans[] {
  if (ratings.length < t) return [];
  const sizes = new Map<string, number>();
  for (const r of ratings) sizes.set(key(r), (sizes.get(key(r)) ?? 0) + 1);
  const pooled = poolSmallGroups(sizes, t);
  const other = `Other (groups under ${t})`;
  const groupOf = (r: Rating) => (pooled.has(key(r)) ? key(r) : other);
  const groups = [...pooled.keys()].map((g) => ({ g, members: ratings.filter((r) => groupOf(r) === g) }));
  const shownAreas = new Set(AREA_CODES.filter((area) => groups.every(({ members }) => {
    const n = scoresFor(members, area).length;
    return n === 0 || n >= t;
  })));
  return groups
    .map(({ g, members }) => ({
      group: g === other ? g : label(g),
      respondents: members.length,
      means: Object.fromEntries(AREA_CODES.map((area) => {
        const scores = scoresFor(members, area);
        return [area, shownAreas.has(area) && scores.length > 0 ? mean1(scores) : null];
      })),
    }))
    .sort((a, b) => b.respondents - a.respondents || a.group.localeCompare(b.group));
}

export function computeBenchmark(year: string, ratings: readonly Rating[], t: number, professionLabel: (code: string) => string): Benchmark {
  const mine = ratings.filter((r) => r.year === year);
  return {
    year,
    respondents: mine.length,
    organisation: organisationFigures(mine, t),
    byProfession: breakdown(mine, (r) => r.profession, professionLabel, t),
    byService: breakdown(mine, (r) => r.service || 'Not recorded', (k) => k, t),
  };
}

/**
 * A team's means beside the organisation's. The team's mean for an area shows only when at least the
 * threshold in the team rated it, and the rest of the organisation is none or at least the threshold
 * (else the rest's mean could be worked out, and it might be one or two people).
 */
export function teamAgainstOrganisation(year: string, team: string, ratings: readonly Rating[], t: number): { area: string; team: number | null; organisation: number | null }[] {
  const mine = ratings.filter((r) => r.year === year);
  const members = mine.filter((r) => r.team === team);
  return AREA_CODES.map((area) => {
    const all = scoresFor(mine, area);
    const theirs = scoresFor(members, area);
    const rest = all.length - theirs.length;
    return {
      area,
      team: theirs.length >= t && (rest === 0 || rest >= t) ? mean1(theirs) : null,
      organisation: all.length >= t ? mean1(all) : null,
    };
  });
}
