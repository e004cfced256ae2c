// The year plan's figures beyond one person (who the year's places reach, the workforce benchmark)
// keep the privacy promise on any organisation: no shown count points at fewer than the threshold,
// and no hidden count can be worked out from what is shown, by subtraction from a total or a row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBenchmark, type Rating } from '../../core/benchmark';
import { AREA_CODES } from '../../core/commonCore';
import { computeReach, type ReachPerson } from '../../core/reach';
import { whyNotLine } from '../../app/offers/progress';
import { NOT_FOR_ME_CODES, NOT_FOR_ME_REASONS } from '../../core/offers';
import { suppressCells } from '../../core/suppression';
import { PROFESSION_CODES, professionLabel } from '../../core/workforce';

const T = 3;
const SERVICES = ["Children's Social Care", 'Early Help', 'Education', 'Health'];

/** What is shown of a column leaves each hidden cell unknowable: none, or two or more that hide at least T between them. */
function hidesSafely(counts: readonly number[], shown: readonly (number | null)[]) {
  const hidden = shown.map((s, i) => (s === null ? counts[i]! : -1)).filter((n) => n >= 0);
  if (hidden.length === 0) return;
  expect(hidden.length).toBeGreaterThanOrEqual(2);
  expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(T);
}

const people = fc.array(
  fc.record({ profession: fc.constantFrom(...PROFESSION_CODES.slice(0, 8)), service: fc.constantFrom(...SERVICES), registered: fc.boolean() }),
  { minLength: T, maxLength: 60 },
).map((ps) => ps.map((p, i): ReachPerson => ({ id: `p${i}`, ...p })));

describe('figures for the organisation, on any organisation', () => {
  it('suppressCells shows no count from 1 to T-1 and hides none alone, whenever the column totals at least T', () => {
    fc.assert(fc.property(fc.array(fc.nat(12), { minLength: 1, maxLength: 10 }), (counts) => {
      fc.pre(counts.reduce((a, b) => a + b, 0) >= T);
      const shown = suppressCells(counts, T);
      for (const s of shown) expect(s === null || s === 0 || s >= T).toBe(true);
      hidesSafely(counts, shown);
    }));
  });

  it('why offers were not for people: a reason is named only with a count of T or more that subtraction cannot undo', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...NOT_FOR_ME_CODES), { maxLength: 30 }), (reasons) => {
      const line = whyNotLine(reasons.map((reason) => ({ status: 'declined' as const, reason })), T);
      const counts = NOT_FOR_ME_CODES.map((c) => reasons.filter((r) => r === c).length);
      const named = NOT_FOR_ME_CODES.map((c, i) => [line.includes(NOT_FOR_ME_REASONS[c]), counts[i]!] as const);
      for (const [isNamed, n] of named) if (isNamed) expect(n).toBeGreaterThanOrEqual(T);
      if (reasons.length < T) expect(named.every(([isNamed]) => !isNamed)).toBe(true);
      // What is not named, together, is none or at least T (and never one reason alone).
      const unnamed = named.filter(([isNamed, n]) => !isNamed && n > 0).map(([, n]) => n);
      if (unnamed.length > 0 && reasons.length >= T) {
        expect(unnamed.length).toBeGreaterThanOrEqual(2);
        expect(unnamed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(T);
      }
    }));
  });

  it("the year's reach: every group has at least T people, and its places show only when neither they nor the rest point at fewer", () => {
    fc.assert(fc.property(people, fc.array(fc.nat(59), { maxLength: 120 }), (staff, picks) => {
      const places = picks.filter((i) => i < staff.length).map((i) => `p${i}`);
      fc.pre(places.length >= T || places.length === 0);
      for (const table of computeReach(staff, places, new Map(places.map((id) => [id, 5000])), T)) {
        expect(table.rows.reduce((n, r) => n + r.headcount, 0)).toBe(staff.length);
        for (const r of table.rows) {
          expect(r.headcount).toBeGreaterThanOrEqual(T);
          expect(r.places === null || r.places === 0 || r.places >= T).toBe(true);
          expect(r.spentPence === null).toBe(r.places === null);
        }
        const shown = table.rows.map((r) => r.places);
        const hiddenRows = table.rows.filter((r) => r.places === null);
        if (hiddenRows.length > 0) {
          const shownTotal = shown.reduce<number>((a, b) => a + (b ?? 0), 0);
          // What is hidden is at least T between at least two rows: the total less what shows can't single anyone out.
          expect(hiddenRows.length).toBeGreaterThanOrEqual(2);
          expect(places.length - shownTotal).toBeGreaterThanOrEqual(T);
        }
      }
    }), { numRuns: 200 });
  });

  it('the benchmark: each area shows only with T or more ratings, its spread hides safely, and every group listed has T or more', () => {
    const rating = fc.record({
      profession: fc.constantFrom(...PROFESSION_CODES.slice(0, 6)), service: fc.constantFrom(...SERVICES),
      scores: fc.dictionary(fc.constantFrom(...AREA_CODES), fc.integer({ min: 1, max: 4 })),
    });
    fc.assert(fc.property(fc.array(rating, { maxLength: 50 }), (rs) => {
      const ratings: Rating[] = rs.map((r) => ({ year: '2026-04-01', team: 'PaCT', ...r }));
      const b = computeBenchmark('2026-04-01', ratings, T, professionLabel);
      for (const area of b.organisation) {
        const scores = ratings.map((r) => r.scores[area.area]).filter((s): s is number => s !== undefined);
        if (scores.length < T) {
          expect(area.mean).toBeNull();
          expect(area.distribution.every((d) => d === null)).toBe(true);
        } else {
          const counts = [1, 2, 3, 4].map((v) => scores.filter((s) => s === v).length);
          for (const d of area.distribution) expect(d === null || d === 0 || d >= T).toBe(true);
          hidesSafely(counts, area.distribution);
        }
      }
      const dimensions: [typeof b.byProfession, (r: Rating) => string][] = [[b.byProfession, (r) => professionLabel(r.profession)], [b.byService, (r) => r.service]];
      for (const [groups, keyOf] of dimensions) {
        const named = new Set(groups.map((g) => g.group));
        for (const g of groups) {
          const members = ratings.filter((r) => (named.has(keyOf(r)) ? keyOf(r) === g.group : g.group.startsWith('Other')));
          expect(g.respondents).toBe(members.length);
          expect(g.respondents).toBeGreaterThanOrEqual(T);
          // A group's mean for an area shows only where T or more of it rated the area.
          for (const area of AREA_CODES) if (g.means[area] != null) expect(members.filter((r) => r.scores[area] !== undefined).length).toBeGreaterThanOrEqual(T);
        }
      }
    }), { numRuns: 200 });
  });
});
