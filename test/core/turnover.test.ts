// Turnover from the roster: a worked example, and for any organisation no figure under the threshold
// in L&D's view.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTurnover, tenureBand, type TurnoverPerson } from '../../core/turnover';

const person = (id: string, fields: Partial<TurnoverPerson> = {}): TurnoverPerson => ({
  id, profession: 'social_worker', service: "Children's Social Care", team: 'PaCT', careerStage: 'experienced', start: '2020-01-01', leftOn: null, ...fields,
});

describe('turnover', () => {
  it('counts leavers in the last 12 months against everyone here in that time, beside CPD and places a head', () => {
    const people = [
      ...Array.from({ length: 8 }, (_, i) => person(`s${i}`)),
      ...Array.from({ length: 4 }, (_, i) => person(`l${i}`, { leftOn: '2026-06-30' })),
      person('gone-long-ago', { leftOn: '2024-01-01' }),
      ...Array.from({ length: 5 }, (_, i) => person(`e${i}`, { profession: 'early_years_practitioner', team: 'Early Years', start: '2026-03-01' })),
      person('e-left', { profession: 'early_years_practitioner', team: 'Early Years', start: '2025-01-01', leftOn: '2026-02-01' }),
    ];
    const cpd = new Map([['s0', 4], ['s1', 2], ['l0', 1]]);
    const places = new Map([['e0', 1], ['e1', 1], ['e2', 1]]);
    const tables = computeTurnover(people, cpd, places, '2026-11-23', 3);
    const byProfession = tables.find((t) => t.dimension === 'profession')!.rows;
    expect(byProfession).toEqual([
      { group: 'Social worker', people: 12, leavers: 4, ratePercent: 33, cpdPerHead: 0.6, placesPerHead: 0 },
      // One leaver among six: hidden, with the five who stayed, so it cannot be worked out.
      { group: 'Early years practitioner', people: 6, leavers: null, ratePercent: null, cpdPerHead: 0, placesPerHead: 0.5 },
    ]);
    // The one who left after a year would stand alone as "1 to 2 years": the under-a-year joiners pool with them.
    expect(tables.find((t) => t.dimension === 'tenure')!.rows.map((r) => [r.group, r.people])).toEqual([['5 years or more', 12], ['Other (groups under 3)', 6]]);
    expect(tenureBand('2026-03-01', '2026-11-23')).toBe('Under 1 year');
    expect(tenureBand(null, '2026-11-23')).toBe('Not known');
  });

  it('never shows a count of leavers or stayers from 1 to t-1, nor a row about fewer than t', () => {
    fc.assert(fc.property(
      fc.array(fc.record({
        team: fc.constantFrom('PaCT', 'MASH', 'Early Help', 'Fostering'), careerStage: fc.constantFrom('early_career', 'experienced', 'senior'),
        start: fc.integer({ min: 0, max: 4000 }), left: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }),
      }), { maxLength: 60 }),
      fc.integer({ min: 2, max: 5 }),
      (rows, t) => {
        const day = (n: number) => new Date(Date.UTC(2026, 10, 23) - n * 86_400_000).toISOString().slice(0, 10);
        const people = rows.map((r, i) => person(`p${i}`, { team: r.team, careerStage: r.careerStage, start: day(r.start), leftOn: r.left === null || r.left > r.start ? null : day(r.left) }));
        for (const table of computeTurnover(people, new Map(), new Map(), '2026-11-23', t)) {
          for (const r of table.rows) {
            expect(r.people).toBeGreaterThanOrEqual(t);
            if (r.leavers !== null) {
              expect(r.leavers === 0 || r.leavers >= t).toBe(true);
              expect(r.people - r.leavers === 0 || r.people - r.leavers >= t).toBe(true);
            }
          }
        }
      },
    ), { numRuns: 300 });
  });
});
