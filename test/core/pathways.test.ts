// Career pathways as data: the routes in policy/pathways.json, the next step from where someone is,
// the file refused with reasons when it is wrong, and L&D's aspiration totals never under the threshold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aspirationTable, currentRoleOf, leadingNeeds, nextStepTo, parsePathwayPolicy, pathwaysOn, routeBetween, type Aspiration } from '../../core/pathways';
import { loadPathwayPolicy } from '../../runtime/policy';

const file = JSON.parse(readFileSync(join(__dirname, '..', '..', 'policy', 'pathways.json'), 'utf8')) as { versions: { roles: Record<string, unknown>[]; routes: Record<string, unknown>[] }[] };
const p = pathwaysOn(parsePathwayPolicy(file), '2026-11-23');

describe('career pathways', () => {
  it('ships the common routes for this workforce', () => {
    const titles = (from: string, to: string) => routeBetween(p, from, to)?.map((r) => r.to);
    expect(titles('social-work-assistant', 'team-manager')).toEqual(['early-career-social-worker', 'social-worker', 'senior-practitioner', 'team-manager']);
    expect(titles('early-years-practitioner-3', 'early-years-teacher')).toEqual(['early-years-practitioner-5', 'early-years-teacher']);
    expect(titles('family-support-worker', 'early-career-social-worker')).toEqual(['early-help-practitioner', 'early-career-social-worker']);
    expect(titles('teaching-assistant', 'teacher')).toEqual(['teacher']);
    expect(routeBetween(p, 'youth-justice-worker', 'early-career-social-worker')![0]!.lateral).toBe(true);
    expect(routeBetween(p, 'team-manager', 'social-work-assistant')).toBeNull();
  });

  it('finds where someone is from the roster, and their next step and what in their plan leads there', () => {
    const eyp = currentRoleOf(p, { profession: 'early_years_practitioner', careerStage: 'experienced' });
    expect(eyp?.id).toBe('early-years-practitioner-3');
    const next = nextStepTo(p, eyp, 'early-years-teacher');
    expect(next.step).toMatchObject({ to: 'early-years-practitioner-5', needs: { kind: 'qualification', level: 5 }, areas: ['CC2', 'CC1'] });
    expect(next.route).toHaveLength(2);
    const needs = [{ codes: ['CC2.S1'], open: true, id: 'a' }, { codes: ['CC6'], open: true, id: 'b' }, { codes: ['CC1'], open: false, id: 'c' }];
    expect(leadingNeeds(next.step!, needs).map((n) => n.id)).toEqual(['a']);
    // Business support has no role on these pathways: Weave shows a way in to where they would like to go.
    expect(currentRoleOf(p, { profession: 'business_support', careerStage: 'experienced' })).toBeNull();
    expect(nextStepTo(p, null, 'teacher').step?.from).toBe('teaching-assistant');
  });

  it('stops startup with the reasons when the file is wrong', () => {
    const bad = structuredClone(file);
    bad.versions[0]!.routes.push({ from: 'social-worker', to: 'astronaut', needs: { kind: 'qualification', title: 'Flight school' }, areas: ['CC7'], learning: ['flying'] });
    bad.versions[0]!.roles.push({ id: 'teacher', title: 'Teacher again' });
    expect(() => loadPathwayPolicy(bad)).toThrow(/The career pathways in policy\/pathways\.json are not valid, so Weave cannot start:[\s\S]*areas\.0: must be a Common Core area[\s\S]*learning\.0/);
    const dangling = structuredClone(file);
    dangling.versions[0]!.routes.push({ from: 'social-worker', to: 'astronaut', needs: { kind: 'experience', title: 'Flight school' }, areas: ['CC1'], learning: ['reading_research'] });
    dangling.versions[0]!.roles.push({ id: 'teacher', title: 'Teacher again' });
    expect(() => loadPathwayPolicy(dangling)).toThrow(/roles\.14\.id: "teacher" is used twice[\s\S]*routes\.14\.to: "astronaut" is not a role in this version/);
  });
});

describe("L&D's aspiration totals, for any organisation", () => {
  const aspiration = (kind: 'role' | 'not_now' | null): Aspiration | null => kind === null ? null : {
    tenantId: 't', personId: 'p', choice: kind === 'role' ? { kind: 'role', roleId: 'teacher' } : { kind: 'not_now' }, shareWithManager: false, fromRole: null, stepAdded: false, setOn: '2026-11-01',
  };
  it('never shows a count from 1 to t-1, never a row about fewer than t, and never one hidden cell alone', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ group: fc.constantFrom('Social worker', 'Teacher', 'Early years practitioner', 'Family support worker'), kind: fc.constantFrom('role' as const, 'not_now' as const, null), moved: fc.boolean() }), { maxLength: 50 }),
      fc.integer({ min: 2, max: 5 }),
      (people, t) => {
        for (const r of aspirationTable(people.map((x) => ({ group: x.group, aspiration: aspiration(x.kind), moved: x.moved })), t)) {
          expect(r.people).toBeGreaterThanOrEqual(t);
          const cells = [r.aiming, r.notNow, r.notSaid];
          for (const c of [...cells, r.moved]) if (c !== null) expect(c === 0 || c >= t).toBe(true);
          expect(cells.filter((c) => c === null).length).not.toBe(1);
          if (r.moved !== null) expect(r.people - r.moved === 0 || r.people - r.moved >= t).toBe(true);
        }
      },
    ), { numRuns: 300 });
  });
});
