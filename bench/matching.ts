// Mentor matching on synthetic organisations of the reference size (865) and 10,000 staff: the
// optimal solver against a greedy baseline (best pairings first) on the same candidate pairs, in
// the same run. Reported: time (median of 3), total fit score, people matched, share matched
// across professions. `npm run bench:matching`
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { greedyAssignment } from '../core/assignment';
import { AREA_CODES, CODES } from '../core/commonCore';
import { matchMentors, type MatchPerson, type MatchingInput } from '../core/matching';
import { parseMentoringPolicy, SLOTS, type MentorOffer, type MentorRequest, type MentoringKind } from '../core/mentoring';
import { syntheticOrg } from '../local/syntheticOrg';

const policy = parseMentoringPolicy(JSON.parse(readFileSync(new URL('../policy/mentoring.json', import.meta.url), 'utf8')));

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About 1 in 12 offer (more of them senior; `scarce` divides that by 4), 1 in 10 ask; 1 to 3 Common Core codes each. */
function scenario(size: number, scarce = false, seed = 7): MatchingInput {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const codes = (n: number) => [...new Set(Array.from({ length: n }, () => (rand() < 0.6 ? pick(CODES.filter((c) => c.includes('.'))) : pick(AREA_CODES))))];
  const slots = () => (rand() < 0.5 ? [] : [...new Set(Array.from({ length: 2 + Math.floor(rand() * 5) }, () => pick(SLOTS)))]);
  const org = syntheticOrg(size, seed);
  const people = new Map<string, MatchPerson>(org.map((p) => [p.aadObjectId, {
    id: p.aadObjectId, profession: p.profession, team: p.team, service: p.service, careerStage: p.careerStage, managerId: p.managerId, supervisorId: null,
  }]));
  const offers: MentorOffer[] = [];
  const requests: MentorRequest[] = [];
  for (const [i, p] of org.entries()) {
    const senior = p.careerStage === 'senior' || p.careerStage === 'manager';
    if (rand() < (senior ? 0.2 : 0.06) / (scarce ? 4 : 1)) {
      offers.push({
        tenantId: 't', personId: p.aadObjectId, strengths: codes(1 + Math.floor(rand() * 3)), strengthsText: '', kinds: rand() < 0.7 ? ['mentoring', 'shadowing'] : ['shadowing'],
        capacity: 1 + Math.floor(rand() * 3), availability: slots(), locality: pick(policy.localities), pausedUntil: rand() < 0.05 ? '2027-01-01' : null, updatedAt: '',
      });
    }
    if (rand() < 0.1) {
      requests.push({
        tenantId: 't', personId: p.aadObjectId, requestId: `r${i}`, needIds: ['n'], codes: codes(1 + Math.floor(rand() * 3)), kind: pick<MentoringKind>(['mentoring', 'mentoring', 'shadowing']),
        preferProfession: null, locality: rand() < 0.3 ? pick(policy.localities) : null, availability: slots(), status: 'waiting', notYet: null,
        createdAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z`, updatedAt: '',
      });
    }
  }
  return { policy, people, offers, requests, load: new Map(), excludedPairs: new Set(), today: '2026-11-23' };
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    value = f();
    times.push(performance.now() - start);
  }
  return { value, ms: Math.round(times.sort((a, b) => a - b)[1]!) };
}

const rows: string[][] = [['staff', 'waiting', 'offering', 'pairs', 'solver', 'time', 'total score', 'matched', 'across professions']];
for (const [size, scarce] of [[865, false], [10_000, false], [10_000, true]] as const) {
  const input = scenario(size, scarce);
  for (const [name, solve] of [['greedy (floor)', greedyAssignment], ['optimal', undefined]] as const) {
    const { value, ms } = timed(() => matchMentors({ ...input, ...(solve ? { solve } : {}) }));
    const cross = value.proposals.filter((p) => !p.sameProfession).length;
    rows.push([
      `${size}${scarce ? ' (few mentors)' : ''}`, String(input.requests.length), String(input.offers.length), String(value.candidatePairs), name, `${ms} ms`,
      value.totalScore.toFixed(2), `${value.proposals.length} (${Math.round((100 * value.proposals.length) / input.requests.length)}%)`,
      `${Math.round((100 * cross) / Math.max(1, value.proposals.length))}%`,
    ]);
  }
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
console.log(`\nnode ${process.version}, ${cpus().length} cores; times include building the candidate pairs (the hard rules and scores) as well as solving`);
