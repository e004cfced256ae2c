// Registration readiness against each regulator's rules: worked examples, and properties that must
// hold for any CPD record at all (fast-check).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPE_CODES } from '../../core/activities';
import { addDays } from '../../core/calendar';
import { cpdFacts, type CpdFacts, type CpdRecord } from '../../core/cpd';
import { gapsIn, parseRegistrationPolicy, periodFor, readiness } from '../../core/registration';

const policy = parseRegistrationPolicy(JSON.parse(readFileSync(join(__dirname, '..', '..', 'policy', 'registration.json'), 'utf8')));

let n = 0;
function record(fields: Partial<CpdRecord>): CpdFacts {
  n += 1;
  return cpdFacts({
    tenantId: 't', personId: 'p', recordId: `r${n}`, activityType: 'bite_size_workshop', title: 'Learning', date: '2026-03-01',
    hours: 2, participatoryHours: 1, codes: ['CC3'], needIds: [], reflectionModel: 'what', reflection: { what: 'It happened' },
    impactPractice: '', impactPeople: '', peer: null, peerReflection: '', includesFeedback: false, reflectiveDiscussion: false,
    createdAt: '2026-03-01T00:00:00Z', ...fields,
  });
}

describe('Social Work England', () => {
  it('runs from 1 December to 30 November, renewing from 1 September', () => {
    expect(periodFor(policy, 'swe', '2026-11-22')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(periodFor(policy, 'swe', '2026-12-01')).toEqual({ from: '2026-12-01', to: '2027-11-30' });
    const r = readiness(policy, 'swe', [], '2026-11-22');
    expect(r.renewal).toEqual({ from: '2026-09-01', to: '2026-11-30' });
    expect(r.inRenewalWindow).toBe(true);
  });

  it('needs two pieces with a reflection, one with a peer reflection, this year', () => {
    const peer = { name: 'Hannah Osei', profession: 'educational_psychologist' as const };
    const lastYear = record({ date: '2025-11-10' });
    expect(readiness(policy, 'swe', [lastYear, record({ date: '2026-02-01' })], '2026-11-22').checks.map((c) => [c.label, c.have, c.met])).toEqual([
      ['Pieces of CPD with a reflection', 1, false],
      ['With a peer reflection', 0, false],
    ]);
    const ready = readiness(policy, 'swe', [record({ date: '2026-02-01' }), record({ date: '2026-06-01', peer, peerReflection: 'Priya chaired well.' })], '2026-11-22');
    expect(ready.met).toBe(true);
  });
});

describe('HCPC (practitioner psychologists)', () => {
  it('runs in two-year cycles renewing from 1 March to 31 May in odd years', () => {
    expect(periodFor(policy, 'hcpc', '2026-11-22')).toEqual({ from: '2025-06-01', to: '2027-05-31' });
    expect(periodFor(policy, 'hcpc', '2027-06-01')).toEqual({ from: '2027-06-01', to: '2029-05-31' });
    expect(readiness(policy, 'hcpc', [], '2027-03-10').inRenewalWindow).toBe(true);
  });

  it('wants two kinds of activity and flags gaps of three months or more', () => {
    const r = readiness(policy, 'hcpc', [
      record({ date: '2025-07-01', activityType: 'reading_research' }),
      record({ date: '2025-08-15', activityType: 'reading_research' }),
      record({ date: '2026-01-20', activityType: 'peer_supervision' }),
    ], '2026-05-01');
    expect(r.checks[0]).toMatchObject({ label: 'Kinds of activity', have: 2, met: true });
    expect(r.gaps).toEqual([{ from: '2025-08-15', to: '2026-01-20' }, { from: '2026-01-20', to: '2026-05-01' }]);
    expect(r.met).toBe(false);
  });
});

describe('NMC revalidation', () => {
  it('counts hours, participatory hours, feedback, reflections and a discussion over three years to the revalidation date', () => {
    const records = Array.from({ length: 18 }, (_, i) => record({
      date: addDays('2024-03-01', i * 40), hours: 2, participatoryHours: 1.5, includesFeedback: i % 3 === 0, reflectiveDiscussion: i === 5,
    }));
    const r = readiness(policy, 'nmc', records, '2026-11-22', { revalidationDate: '2027-01-31' });
    expect(r.period).toEqual({ from: '2024-02-01', to: '2027-01-31' });
    expect(r.renewal).toEqual({ from: '2026-10-31', to: '2027-01-31' });
    expect(r.inRenewalWindow).toBe(true);
    expect(r.checks.map((c) => [c.label, c.have, c.met])).toEqual([
      ['Hours of CPD', 36, true],
      ['Participatory hours', 27, true],
      ['Pieces of practice-related feedback', 6, true],
      ['Written reflective accounts', 18, true],
      ['Reflective discussion with another registrant', 1, true],
    ]);
    expect(readiness(policy, 'nmc', records, '2026-11-22').needsFromPerson).toContain('revalidation date');
  });
});

describe('people with no regulator', () => {
  it('have nothing to be short of', () => {
    expect(readiness(policy, 'none', [], '2026-11-22')).toMatchObject({ period: null, checks: [], met: true });
  });

  it('include teachers with the Teaching Regulation Agency: QTS does not lapse and there is no CPD renewal', () => {
    expect(readiness(policy, 'tra', [], '2026-11-22')).toMatchObject({ regulator: 'tra', period: null, renewal: null, checks: [], met: true });
    expect(policy.versions.at(-1)!.regulators.tra).toMatchObject({ cpdRenewal: 'none' });
  });
});

// Properties: for any set of records, any day.
const date = fc.integer({ min: 0, max: 3650 }).map((d) => addDays('2021-01-01', d));
const arbitraryRecord = fc.record({
  date,
  hours: fc.integer({ min: 0, max: 80 }).map((h) => h / 4),
  activityType: fc.constantFrom(...ACTIVITY_TYPE_CODES),
  withPeer: fc.boolean(),
  reflected: fc.boolean(),
  feedback: fc.boolean(),
  discussion: fc.boolean(),
}).map((r) => record({
  date: r.date, hours: r.hours, participatoryHours: r.hours / 2, activityType: r.activityType,
  reflection: r.reflected ? { what: 'x' } : {}, peer: r.withPeer ? { name: 'Peer', profession: 'teacher' } : null,
  peerReflection: r.withPeer ? 'They did well' : '', includesFeedback: r.feedback, reflectiveDiscussion: r.discussion,
}));
const regulator = fc.constantFrom('swe' as const, 'hcpc' as const, 'nmc' as const);

describe('readiness, for any records', () => {
  it('never gets worse by logging more CPD', () => {
    const gapDays = (gaps: { from: string; to: string }[]) => gaps.reduce((total, g) => total + (Date.parse(g.to) - Date.parse(g.from)) / 86_400_000, 0);
    fc.assert(fc.property(regulator, fc.array(arbitraryRecord, { maxLength: 30 }), arbitraryRecord, date, (reg, records, extra, asOf) => {
      const before = readiness(policy, reg, records, asOf, { revalidationDate: '2027-06-30' });
      const after = readiness(policy, reg, [...records, extra], asOf, { revalidationDate: '2027-06-30' });
      after.checks.forEach((c, i) => {
        // A record in a long gap can split it into two that are each still long: the time unaccounted for never grows.
        if (c.unit[0] === 'gap') expect(gapDays(after.gaps)).toBeLessThanOrEqual(gapDays(before.gaps));
        else {
          expect(c.have).toBeGreaterThanOrEqual(before.checks[i]!.have);
          if (before.checks[i]!.met) expect(c.met).toBe(true);
        }
      });
    }), { numRuns: 300 });
  });

  it('only counts what falls in the period that asOf is in', () => {
    fc.assert(fc.property(regulator, fc.array(arbitraryRecord, { maxLength: 30 }), date, (reg, records, asOf) => {
      const r = readiness(policy, reg, records, asOf, { revalidationDate: '2027-06-30' });
      const inside = records.filter((x) => x.date >= r.period!.from && x.date <= r.period!.to);
      expect(readiness(policy, reg, inside, asOf, { revalidationDate: '2027-06-30' }).checks).toEqual(r.checks);
    }), { numRuns: 300 });
  });

  it('puts every day in exactly one Social Work England year and one HCPC cycle', () => {
    fc.assert(fc.property(date, (d) => {
      for (const reg of ['swe', 'hcpc'] as const) {
        const p = periodFor(policy, reg, d);
        expect(p.from <= d && d <= p.to).toBe(true);
        expect(periodFor(policy, reg, addDays(p.to, 1)).from).toBe(addDays(p.to, 1));
      }
    }), { numRuns: 500 });
  });

  it('meets Social Work England exactly when there are two reflected pieces and one with a peer reflection', () => {
    fc.assert(fc.property(fc.array(arbitraryRecord, { maxLength: 20 }), date, (records, asOf) => {
      const p = periodFor(policy, 'swe', asOf);
      const pieces = records.filter((r) => r.date >= p.from && r.date <= p.to && r.reflected);
      expect(readiness(policy, 'swe', records, asOf).met).toBe(pieces.length >= 2 && pieces.some((r) => r.peerReflected));
    }), { numRuns: 300 });
  });

  it('flags only gaps of three months or more, and no gap once the record is monthly', () => {
    fc.assert(fc.property(fc.array(date, { maxLength: 40 }), date, (dates, asOf) => {
      const period = periodFor(policy, 'hcpc', asOf);
      for (const gap of gapsIn(period, dates, asOf, 3)) expect(addDays(gap.from, 88) < gap.to).toBe(true);
      const monthly = Array.from({ length: 25 }, (_, i) => addDays(period.from, i * 30));
      expect(gapsIn(period, monthly, asOf, 3)).toEqual([]);
    }), { numRuns: 200 });
  });
});
