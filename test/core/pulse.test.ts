// The integration pulse's rules: its policy, quarters, and above all what may be shown — no figure
// from fewer than five answers reaches any view, nor by taking one view's figure from another's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  figuresOf, opensOn, parsePulsePolicy, pulseOn, previousQuarter, quarterEnd, quarterLabel, quarterOf, quarterResults, quartersUpTo,
  teamOrPooled, valuedFalling, type PulseFigures, type PulseResponse,
} from '../../core/pulse';
import { loadPulsePolicy } from '../../runtime/policy';
import pulseFile from '../../policy/pulse.json' with { type: 'json' };

const MIN = 5;

describe('policy/pulse.json', () => {
  it('loads, with the four statements and a minimum group of at least five', () => {
    const v = pulseOn(loadPulsePolicy(), '2026-11-02');
    expect(v.statements.valued).toBe('Colleagues in other professions value what my profession brings.');
    expect(v.minGroup).toBeGreaterThanOrEqual(5);
  });

  it('refuses a minimum group under five, and versions out of order', () => {
    const v = pulseFile.versions[0]!;
    expect(() => parsePulsePolicy({ ...pulseFile, versions: [{ ...v, minGroup: 3 }] })).toThrow(/minGroup: must be at least 5/);
    expect(() => parsePulsePolicy({ ...pulseFile, versions: [v, { ...v, effectiveFrom: '2025-01-01' }] })).toThrow(/in order of effectiveFrom/);
    expect(() => parsePulsePolicy({ ...pulseFile, versions: [{ ...v, send: { ...v.send, sendFrom: '17:00' } }] })).toThrow(/sendFrom must be before sendUntil/);
  });

  it('opens each quarter on its day, and counts quarters back across a year', () => {
    const v = pulseOn(loadPulsePolicy(), '2026-11-02');
    expect(quarterOf('2026-11-02')).toBe('2026-Q4');
    expect(opensOn('2026-Q4', v)).toBe('2026-11-01');
    expect(quarterEnd('2026-Q4')).toBe('2026-12-31');
    expect(quarterEnd('2028-Q1')).toBe('2028-03-31');
    expect(previousQuarter('2027-Q1')).toBe('2026-Q4');
    expect(quartersUpTo('2027-Q2', 4)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(quarterLabel('2027-Q1')).toBe('January to March 2027');
  });
});

const answer = (valued: 1 | 2 | 3 | 4 | 5, learned = true) => ({ understand: 4 as const, contact: 4 as const, valued, learned });
const response = (team: string, service: string, profession: string, valued: 1 | 2 | 3 | 4 | 5 = 4): PulseResponse => ({ quarter: '2026-Q4', team, service, profession, ...answer(valued) });

describe('what a quarter shows', () => {
  it('shows a group only from five answers, and hides a sixth person who would be the difference', () => {
    const five = Array.from({ length: 5 }, () => response('PaCT', 'CSC', 'social_worker'));
    let r = quarterResults('2026-Q4', five.slice(0, 4), MIN);
    expect(r.organisation).toBeNull();
    r = quarterResults('2026-Q4', five, MIN);
    expect(r.organisation).toMatchObject({ responses: 5, valued: 100 });
    expect(r.team.get('PaCT')).toMatchObject({ responses: 5 });
    // A manager joins PaCT's answers: PaCT minus social workers would be one person.
    r = quarterResults('2026-Q4', [...five, response('PaCT', 'CSC', 'manager', 1)], MIN);
    expect(r.team.get('PaCT')).toMatchObject({ responses: 6 });
    expect(r.profession.get('social_worker')).toBeNull();
    expect(r.profession.get('manager')).toBeNull();
  });

  it('pools a small team into its service for its manager, and hides the other team so it cannot be subtracted', () => {
    const rs = [...Array.from({ length: 8 }, () => response('MASH', 'CSC', 'social_worker')), ...Array.from({ length: 3 }, () => response('LAC', 'CSC', 'social_worker', 1))];
    const r = quarterResults('2026-Q4', rs, MIN);
    expect(r.team.get('LAC')).toBeNull();
    expect(r.team.get('MASH')).toBeNull(); // or LAC = service − MASH
    expect(teamOrPooled(r, 'LAC')).toMatchObject({ level: 'service', name: 'CSC', figures: { responses: 11 } });
    expect(teamOrPooled(r, 'MASH')).toMatchObject({ level: 'service' });
  });

  it('flags "valued" falling two quarters running, and only then', () => {
    const f = (valued: number): PulseFigures => ({ responses: 9, understand: 50, contact: 50, valued, learned: 50 });
    expect(valuedFalling([f(70), f(60), f(50)])).toBe(true);
    expect(valuedFalling([f(70), f(60), f(60)])).toBe(false);
    expect(valuedFalling([f(70), null, f(50)])).toBe(false);
    expect(valuedFalling([f(50), f(70), f(60)])).toBe(false);
  });

  it('never lets a figure from fewer than five answers reach any view, nor by subtraction between two views', () => {
    const teams = ['A', 'B', 'C', 'D', 'E', 'F'];
    const org = fc.record({
      homes: fc.array(fc.constantFrom('S1', 'S2', 'S3'), { minLength: teams.length, maxLength: teams.length }),
      answers: fc.array(fc.record({ team: fc.nat(teams.length - 1), profession: fc.constantFrom('sw', 'sw', 'sw', 'teacher', 'ep', 'ehw'), stray: fc.nat(9), valued: fc.constantFrom(1, 2, 3, 4, 5) }), { maxLength: 70 }),
    });
    fc.assert(fc.property(org, ({ homes, answers }) => {
      const rs = answers.map((a) => response(teams[a.team]!, a.stray === 0 ? 'S9' : homes[a.team]!, a.profession, a.valued as 1));
      const r = quarterResults('2026-Q4', rs, MIN);
      // Every figure any view shows — L&D's by service and profession, each manager's team or its
      // pool, the organisation — as the set of answers it comes from.
      const views: { name: string; members: Set<number>; figures: PulseFigures }[] = [];
      const membersOf = (pick: (x: PulseResponse) => boolean) => new Set(rs.map((x, i) => (pick(x) ? i : -1)).filter((i) => i >= 0));
      if (r.organisation) views.push({ name: 'organisation', members: membersOf(() => true), figures: r.organisation });
      for (const d of ['service', 'profession', 'team'] as const) {
        for (const [name, figures] of r[d]) if (figures) views.push({ name: `${d} ${name}`, members: membersOf((x) => x[d] === name), figures });
      }
      for (const team of teams) {
        const pooled = teamOrPooled(r, team);
        if (pooled) expect(views.some((v) => v.figures === pooled.figures)).toBe(true);
      }
      const ok = (n: number) => n === 0 || n >= MIN;
      const isSubset = (a: Set<number>, b: Set<number>) => [...a].every((i) => b.has(i));
      for (const v of views) {
        expect(v.members.size).toBeGreaterThanOrEqual(MIN);
        expect(v.figures).toEqual(figuresOf([...v.members].map((i) => rs[i]!)));
      }
      for (const a of views) {
        for (const b of views) if (a !== b && isSubset(b.members, a.members)) expect(ok(a.members.size - b.members.size), `${a.name} − ${b.name}`).toBe(true);
        // And a whole less every shown group of one kind inside it.
        for (const d of ['service', 'profession', 'team']) {
          const within = views.filter((b) => b.name.startsWith(`${d} `) && b !== a && isSubset(b.members, a.members));
          const covered = new Set(within.flatMap((b) => [...b.members]));
          expect(ok(a.members.size - covered.size), `${a.name} − every ${d} in it`).toBe(true);
        }
      }
    }), { numRuns: 400 });
  });

  it('reads the same figures for a group however its answers are ordered', () => {
    const rs = [response('A', 'S', 'sw', 1), response('A', 'S', 'sw', 5), response('A', 'S', 'sw', 4), response('A', 'S', 'sw', 2), response('A', 'S', 'sw', 4)];
    expect(figuresOf(rs)).toEqual(figuresOf([...rs].reverse()));
    expect(figuresOf(rs)).toEqual({ responses: 5, understand: 100, contact: 100, valued: 60, learned: 100 });
  });
});
