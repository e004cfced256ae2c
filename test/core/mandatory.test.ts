// Mandatory learning as data: who each requirement is for, what counts, when it is due and where
// someone stands; the policy refused with reasons when it is wrong; and, for any organisation, no
// compliance figure under the threshold in what L&D see.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complianceTables, hasWords, parseMandatoryPolicy, reminderRound, standingsOf, type EvidenceFacts, type MandatoryPerson, type MandatoryStatus, type Standing } from '../../core/mandatory';
import { workingCalendar } from '../../core/calendar';
import { loadMandatoryPolicy } from '../../runtime/policy';

const file = JSON.parse(readFileSync(join(__dirname, '..', '..', 'policy', 'mandatory.json'), 'utf8')) as Record<string, unknown>;
const policy = parseMandatoryPolicy(file);

const person = (fields: Partial<MandatoryPerson> = {}): MandatoryPerson => ({
  profession: 'social_worker', team: 'PaCT', jobTitle: 'Social Worker', roles: ['practitioner'], startDate: '2020-05-01', knownSince: '2026-09-01', ...fields,
});
const record = (title: string, date: string, codes = ['CC3'], activityType: EvidenceFacts['activityType'] = 'bite_size_workshop'): EvidenceFacts => ({ title, date, codes, activityType });
const ids = (s: readonly Standing[]) => s.map((x) => x.requirement.id);

describe('who mandatory learning applies to', () => {
  it('asks everyone for the safeguarding refresher, teachers and school-facing teams for KCSIE, named DSLs for DSL training', () => {
    expect(ids(standingsOf(policy, person(), [], '2026-11-23'))).toEqual(['safeguarding-refresher']);
    expect(ids(standingsOf(policy, person({ profession: 'teacher', jobTitle: 'Advisory Teacher' }), [], '2026-11-23'))).toEqual(['safeguarding-refresher', 'kcsie-update']);
    expect(ids(standingsOf(policy, person({ profession: 'family_support_worker', team: 'Education' }), [], '2026-11-23'))).toContain('kcsie-update');
    expect(ids(standingsOf(policy, person({ jobTitle: 'Team Manager (DSL)' }), [], '2026-11-23'))).toContain('dsl-training');
    expect(ids(standingsOf(policy, person({ jobTitle: 'DSLR photographer' }), [], '2026-11-23'))).not.toContain('dsl-training');
  });

  it('gives joiners since the policy date the induction set, due 12 weeks from their start', () => {
    const joiner = standingsOf(policy, person({ startDate: '2026-11-16' }), [], '2026-11-23');
    expect(ids(joiner)).toEqual(['safeguarding-refresher', 'induction-procedures', 'induction-multi-agency', 'induction-information-sharing']);
    expect(joiner.find((s) => s.requirement.id === 'induction-procedures')).toMatchObject({ status: 'to_do', dueOn: '2027-02-08', lastDone: null });
    // Their first safeguarding refresher has the same 12 weeks.
    expect(joiner[0]).toMatchObject({ status: 'to_do', dueOn: '2027-02-08' });
  });
});

describe('where someone stands', () => {
  it('counts a CPD record in the area whose title names the course, and is due again after the interval', () => {
    const done = [record('Multi-agency safeguarding refresher', '2024-01-10'), record('Safeguarding, but filed elsewhere', '2025-01-01', ['CC5'])];
    expect(standingsOf(policy, person(), done, '2026-12-01')[0]).toMatchObject({ status: 'due_soon', dueOn: '2027-01-10', lastDone: '2024-01-10' });
    expect(standingsOf(policy, person(), done, '2026-06-01')[0]).toMatchObject({ status: 'up_to_date' });
    expect(standingsOf(policy, person(), done, '2027-01-11')[0]).toMatchObject({ status: 'overdue', dueOn: '2027-01-10' });
    // Never done, no joiner's grace: overdue, with no date.
    expect(standingsOf(policy, person(), [], '2026-11-23')[0]).toMatchObject({ status: 'overdue', dueOn: null });
  });

  it('finishes an induction item once, with an induction record in its area', () => {
    const joiner = person({ startDate: '2026-11-16' });
    const s = standingsOf(policy, joiner, [record('Welcome to the council: recording', '2026-11-20', ['CC3.S2'], 'induction')], '2026-11-23');
    expect(s.find((x) => x.requirement.id === 'induction-procedures')).toMatchObject({ status: 'up_to_date', lastDone: '2026-11-20' });
    expect(s.find((x) => x.requirement.id === 'induction-multi-agency')).toMatchObject({ status: 'to_do' });
  });

  it('matches whole words, case and spacing aside', () => {
    expect(hasWords('KCSIE  2026 update', ['kcsie'])).toBe(true);
    expect(hasWords('Keeping children safe in education', ['Keeping Children Safe in Education'])).toBe(true);
    expect(hasWords('Safeguardingish', ['safeguarding'])).toBe(false);
  });
});

describe('reminder rounds', () => {
  const isWorkingDay = (d: string) => workingCalendar().isWorkingDay(d);
  it('fall on the first working day of each fortnight from the person\'s own day, never closer', () => {
    const days: string[] = [];
    for (let i = 0; i < 120; i++) {
      const d = new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10);
      if (isWorkingDay(d) && reminderRound('2026-09-05', d, 14, isWorkingDay) !== null) days.push(d);
    }
    for (let i = 1; i < days.length; i++) expect((Date.parse(days[i]!) - Date.parse(days[i - 1]!)) / 86_400_000).toBeGreaterThanOrEqual(12);
    expect(days.length).toBeGreaterThanOrEqual(8);
    expect(new Set(days.map((d) => reminderRound('2026-09-05', d, 14, isWorkingDay))).size).toBe(days.length);
  });
});

describe('the policy file', () => {
  it('stops startup with the reasons when it is wrong', () => {
    const bad = structuredClone(file) as { versions: { requirements: Record<string, unknown>[] }[] };
    bad.versions[0]!.requirements[1] = { ...bad.versions[0]!.requirements[1], id: 'safeguarding-refresher', who: {}, evidence: { areas: ['CC9'] } };
    expect(() => loadMandatoryPolicy(bad)).toThrow(/The mandatory learning rules in policy\/mandatory\.json are not valid, so Weave cannot start:[\s\S]*who: must name someone[\s\S]*areas\.0: must be a Common Core area[\s\S]*requirement ids must be different/);
    const both = structuredClone(file) as { versions: { requirements: Record<string, unknown>[] }[] };
    both.versions[0]!.requirements[0] = { ...both.versions[0]!.requirements[0], once: { withinWeeksOfStart: 12, joinersFrom: '2026-01-01' } };
    expect(() => loadMandatoryPolicy(both)).toThrow(/must say either every \(months\) or once/);
    expect(() => loadMandatoryPolicy({ version: 1, versions: [] })).toThrow(/cannot start/);
  });
});

describe('compliance for L&D, for any organisation', () => {
  const status = fc.constantFrom<MandatoryStatus>('up_to_date', 'to_do', 'due_soon', 'overdue');
  const requirement = policy.versions[0]!.requirements[0]!;
  it('never shows a count from 1 to t-1, never a row about fewer than t, and never a lone hidden cell', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ group: fc.constantFrom('PaCT', 'MASH', 'Early Help', 'Fostering', 'Adoption', 'Education'), status }), { maxLength: 60 }),
      fc.integer({ min: 2, max: 6 }),
      (people, t) => {
        const entries = people.map((p) => ({ group: p.group, standing: { requirement, status: p.status, dueOn: null, lastDone: null } }));
        for (const table of complianceTables(entries, t)) {
          const shownPeople = table.rows.reduce((n, r) => n + r.people, 0);
          expect(shownPeople).toBeLessThanOrEqual(people.length);
          for (const r of table.rows) {
            expect(r.people).toBeGreaterThanOrEqual(t);
            const cells = [r.upToDate, r.dueSoon, r.overdue];
            for (const c of cells) if (c !== null) expect(c === 0 || c >= t).toBe(true);
            const hidden = cells.filter((c) => c === null).length;
            expect(hidden).not.toBe(1);
            if (hidden > 0) expect(r.people - cells.reduce<number>((n, c) => n + (c ?? 0), 0)).toBeGreaterThanOrEqual(t);
          }
        }
      },
    ), { numRuns: 300 });
  });
});
