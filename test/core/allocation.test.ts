// Fair access: who gets an offer's places, on hand-worked cases and on any applications.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateApplications, allocateFirstCome, allocateWithReservations, allocationWeights, groupKey, groupsOf, reachIfFilled, underServedGroups,
  type Applicant, type Reservation,
} from '../../core/allocation';
import { parseOfferPolicy } from '../../core/offers';

const policyJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'policy', 'offers.json'), 'utf8')) as Record<string, unknown>;
const policy = parseOfferPolicy(policyJson);
const weights = allocationWeights(policy);

const applicant = (personId: string, facts: Partial<Applicant['facts']> = {}, appliedAt = '2026-11-02T09:00:00.000Z'): Applicant => ({
  personId, appliedAt,
  facts: { matchingNeedCodes: [], registrationShort: false, noRecentCpd: false, groups: { profession: 'social_worker', service: "Children's Social Care", registered: true }, ...facts },
});
const earlyYears = { profession: 'early_years_practitioner', service: 'Early Years', registered: false };
const placed = (a: { outcomes: { personId: string; placed: boolean }[] }) => a.outcomes.filter((o) => o.placed).map((o) => o.personId).sort();
const reasonsOf = (a: { outcomes: { personId: string; reasons: unknown[] }[] }, id: string) => a.outcomes.find((o) => o.personId === id)!.reasons;

describe('allocation by applications', () => {
  it('gives places first to an open need in its areas, then by the weights, and says why', () => {
    const result = allocateApplications([applicant('none'), applicant('short', { registrationShort: true }), applicant('need', { matchingNeedCodes: ['CC6.K2', 'CC6'] })], 2, weights, new Set(), 'offer-1');
    expect(result.outcomes.map((o) => [o.personId, o.placed])).toEqual([['need', true], ['short', true], ['none', false]]);
    expect(reasonsOf(result, 'need')).toEqual([{ kind: 'need', codes: ['CC6', 'CC6.K2'] }]);
    expect(reasonsOf(result, 'short')).toEqual([{ kind: 'registration' }]);
    expect(reasonsOf(result, 'none')).toEqual([{ kind: 'outranked', by: 'priority' }]);
  });

  it('never lets the weights put someone without a need before someone with one', () => {
    const underServed = new Set([groupKey({ dimension: 'service', value: 'Early Years' })]);
    const result = allocateApplications([
      applicant('heavy', { registrationShort: true, noRecentCpd: true, groups: { ...earlyYears, registered: true } }), applicant('need', { matchingNeedCodes: ['CC1'] }),
    ], 1, weights, underServed, 'offer-1');
    expect(placed(result)).toEqual(['need']);
    expect(reasonsOf(result, 'heavy')).toEqual([
      { kind: 'outranked', by: 'need' }, { kind: 'registration' }, { kind: 'noRecentCpd' }, { kind: 'underServed', group: { dimension: 'service', value: 'Early Years' } },
    ]);
  });

  it('lifts members of an under-served group above others of equal priority', () => {
    const underServed = new Set([groupKey({ dimension: 'registration', value: 'unregistered' })]);
    const result = allocateApplications([applicant('sw'), applicant('ey', { groups: earlyYears })], 1, weights, underServed, 'offer-1');
    expect(placed(result)).toEqual(['ey']);
    expect(reasonsOf(result, 'ey')).toEqual([{ kind: 'underServed', group: { dimension: 'registration', value: 'unregistered' } }]);
  });

  it('draws among equals by a hash of the offer and the person, not by who asked first', () => {
    const people = ['a', 'b', 'c', 'd'].map((id, i) => applicant(id, {}, `2026-11-0${i + 1}T09:00:00.000Z`));
    const draws = ['offer-1', 'offer-2', 'offer-3', 'offer-4', 'offer-5'].map((seed) => placed(allocateApplications(people, 2, weights, new Set(), seed)).join());
    expect(new Set(draws).size).toBeGreaterThan(1);
    const once = allocateApplications(people, 2, weights, new Set(), 'offer-1');
    expect(once.outcomes.every((o) => o.reasons.some((r) => r.kind === 'tie'))).toBe(true);
    expect(allocateApplications([...people].reverse(), 2, weights, new Set(), 'offer-1')).toEqual(once);
  });

  it('says there was room for everyone when there was, and refuses two applications from one person', () => {
    const result = allocateApplications([applicant('a'), applicant('b', { matchingNeedCodes: ['CC2'] })], 5, weights, new Set(), 's');
    expect(result.outcomes.map((o) => o.reasons)).toEqual([[{ kind: 'room' }], [{ kind: 'room' }]]);
    expect(() => allocateApplications([applicant('a'), applicant('a')], 5, weights, new Set(), 's')).toThrow('applied twice');
  });

  it('first come takes the earliest', () => {
    const result = allocateFirstCome([applicant('late', {}, '2026-11-03T00:00:00Z'), applicant('early', { }, '2026-11-01T00:00:00Z')], 1);
    expect(result.outcomes).toEqual([{ personId: 'early', placed: true, reasons: [{ kind: 'earlier' }] }, { personId: 'late', placed: false, reasons: [{ kind: 'later' }] }]);
  });
});

describe('reserved places', () => {
  const eyService = { dimension: 'service', value: 'Early Years' } as const;
  const reservation: Reservation = { group: eyService, places: 2, until: '2026-12-01' };
  const social = ['s1', 's2', 's3', 's4', 's5'].map((id) => applicant(id, { matchingNeedCodes: ['CC6'] }));
  const applicants = [...social, applicant('ey', { groups: earlyYears })];

  it('are honoured while held, and the one nobody has asked for stays held', () => {
    const result = allocateWithReservations(applicants, 4, [reservation], '2026-11-20', weights, new Set(), 'offer-1');
    expect(placed(result)).toContain('ey');
    expect(placed(result)).toHaveLength(3);
    expect(reasonsOf(result, 'ey')).toEqual([{ kind: 'reserved', group: eyService }]);
    expect(result.held).toEqual([{ group: eyService, places: 1 }]);
  });

  it('go to everyone after the date they are held until', () => {
    const result = allocateWithReservations(applicants, 4, [reservation], '2026-12-02', weights, new Set(), 'offer-1');
    expect(placed(result)).toHaveLength(4);
    expect(placed(result)).not.toContain('ey');
    expect(reasonsOf(result, 'ey')).toEqual([{ kind: 'outranked', by: 'need' }]);
    expect(result.held).toEqual([]);
  });

  it('tell the rest when every place was held for a group they are not in', () => {
    const result = allocateWithReservations([applicant('s1'), applicant('ey', { groups: earlyYears })], 2, [reservation], '2026-11-20', weights, new Set(), 'offer-1');
    expect(reasonsOf(result, 's1')).toEqual([{ kind: 'heldFor', groups: [eyService] }]);
  });
});

describe("the composer's preview", () => {
  const social = Array.from({ length: 10 }, (_, i) => applicant(`sw${i}`, { matchingNeedCodes: ['CC6'] }));
  const early = Array.from({ length: 6 }, (_, i) => applicant(`ey${i}`, { groups: earlyYears }));
  const base = { mode: 'applications' as const, audience: [...social, ...early], capacity: 6, reservations: [], today: '2026-11-20', weights, seed: 'o', threshold: 3 };

  it('shows who would have the places and suggests reserving for an under-served group left out', () => {
    const preview = reachIfFilled({ ...base, underServed: new Set([groupKey({ dimension: 'service', value: 'Early Years' })]) });
    expect(preview.places).toBe(6);
    expect(preview.tables.find((t) => t.dimension === 'service')!.rows).toEqual([
      { group: { dimension: 'service', value: "Children's Social Care" }, places: 6, share: 1 },
      { group: { dimension: 'service', value: 'Early Years' }, places: 0, share: 0 },
    ]);
    expect(preview.suggestion).toEqual({ group: { dimension: 'service', value: 'Early Years' }, places: 2 });
    const reserved = reachIfFilled({
      ...base, mode: 'reserved', capacity: 8, reservations: [{ group: { dimension: 'service', value: 'Early Years' }, places: 3, until: '2026-12-01' }],
      underServed: new Set([groupKey({ dimension: 'service', value: 'Early Years' })]),
    });
    expect(reserved.tables.find((t) => t.dimension === 'service')!.rows.map((r) => r.places)).toEqual([5, 3]);
    expect(reserved.suggestion).toBeNull();
  });

  it('hides counts of 1 or 2, and enough others that none follows from the total', () => {
    const one = applicant('ey0', { groups: earlyYears, matchingNeedCodes: ['CC6'] });
    const preview = reachIfFilled({ ...base, audience: [...social.slice(0, 3), one, ...early.slice(1)], capacity: 4, underServed: new Set() });
    // The 3 social workers and 1 early years practitioner with a need would be placed: the 1 is hidden, and so is the 3.
    expect(preview.tables.find((t) => t.dimension === 'service')!.rows.map((r) => r.places)).toEqual([null, null]);
    expect(preview.places).toBe(4);
  });
});

describe('the offer rules', () => {
  it('say clearly what is wrong with an allocation setting', () => {
    expect(() => parseOfferPolicy({ ...policyJson, allocation: { mode: 'lottery', underServed: 1 } })).toThrow('allocation.mode: must be first_come, applications or reserved');
    expect(() => parseOfferPolicy({ ...policyJson, allocation: { mode: 'applications', underServed: -1 } })).toThrow('allocation.underServed: must be 0 or more');
    expect(() => parseOfferPolicy({ ...policyJson, allocation: undefined })).toThrow('allocation: must say how places are allocated');
    expect(policy.allocation).toEqual({ mode: 'first_come', underServed: 1 });
  });

  it("take the organisation plan's under-served groups as allocation groups", () => {
    expect(underServedGroups([
      { dimension: 'profession', group: 'Early years practitioner', underServed: true }, { dimension: 'registration', group: 'Not registered', underServed: true },
      { dimension: 'service', group: 'Early Years', underServed: true }, { dimension: 'team', group: 'PaCT', underServed: true },
      { dimension: 'service', group: 'Other (groups under 3)', underServed: true }, { dimension: 'service', group: 'Health', underServed: false },
    ])).toEqual(new Set(['profession:early_years_practitioner', 'registration:unregistered', 'service:Early Years']));
  });
});

describe('allocation on any applications', () => {
  const facts = fc.record({
    matchingNeedCodes: fc.subarray(['CC1', 'CC6', 'CC6.K2']),
    registrationShort: fc.boolean(),
    noRecentCpd: fc.boolean(),
    groups: fc.record({ profession: fc.constantFrom('social_worker', 'teacher', 'early_years_practitioner'), service: fc.constantFrom('CSC', 'Early Years', 'Education'), registered: fc.boolean() }),
  });
  const applicants = fc.uniqueArray(fc.record({ personId: fc.string({ minLength: 1, maxLength: 4 }), appliedAt: fc.integer({ min: 0, max: 1e6 }).map((m) => new Date(Date.UTC(2026, 10, 1) + m * 60_000).toISOString()), facts }), {
    selector: (a) => a.personId, maxLength: 30,
  });
  const group = fc.record({ dimension: fc.constantFrom('profession' as const, 'service' as const, 'registration' as const), value: fc.constantFrom('social_worker', 'teacher', 'Early Years', 'CSC', 'registered', 'unregistered') });
  const reservations = fc.array(fc.record({ group, places: fc.integer({ min: 0, max: 6 }), until: fc.constantFrom('2026-11-10', '2026-11-20', '2026-12-01') }), { maxLength: 3 });
  const underServed = fc.subarray(['profession:teacher', 'service:Early Years', 'registration:unregistered']).map((keys) => new Set(keys));
  const input = fc.record({ applicants, capacity: fc.integer({ min: 0, max: 20 }), reservations, today: fc.constantFrom('2026-11-15', '2026-11-20', '2026-11-25'), underServed, seed: fc.string() })
    .chain((i) => fc.shuffledSubarray(i.applicants, { minLength: i.applicants.length, maxLength: i.applicants.length }).map((shuffled) => ({ ...i, shuffled })));
  const run = (args: Parameters<typeof allocateWithReservations>) => allocateWithReservations(...args);

  it('never goes over capacity, gives everyone an outcome with a reason, and holds only what nobody took', () => {
    fc.assert(fc.property(input, (i) => {
      const result = run([i.applicants, i.capacity, i.reservations, i.today, weights, i.underServed, i.seed]);
      const taken = placed(result).length + result.held.reduce((s, h) => s + h.places, 0);
      expect(taken).toBeLessThanOrEqual(i.capacity);
      if (result.outcomes.some((o) => !o.placed)) expect(taken).toBe(i.capacity);
      expect(result.outcomes.map((o) => o.personId).sort()).toEqual(i.applicants.map((a) => a.personId).sort());
      for (const o of result.outcomes) expect(o.reasons.length).toBeGreaterThan(0);
      const plain = allocateApplications(i.applicants, i.capacity, weights, i.underServed, i.seed);
      expect(placed(plain)).toHaveLength(Math.min(i.capacity, i.applicants.length));
      for (const o of plain.outcomes) expect(o.reasons.length).toBeGreaterThan(0);
    }), { numRuns: 500 });
  });

  it('honours every reservation while that group has demand, and releases it after', () => {
    fc.assert(fc.property(input, (i) => {
      const result = run([i.applicants, i.capacity, i.reservations, i.today, weights, i.underServed, i.seed]);
      const placedIds = new Set(placed(result));
      let left = i.capacity;
      for (const r of i.reservations.filter((r) => i.today <= r.until)) {
        const places = Math.min(r.places, left);
        left -= places;
        const members = i.applicants.filter((a) => groupsOf(a).some((g) => groupKey(g) === groupKey(r.group)));
        expect(members.filter((a) => placedIds.has(a.personId)).length).toBeGreaterThanOrEqual(Math.min(places, members.length));
      }
      const after = run([i.applicants, i.capacity, i.reservations, '2026-12-02', weights, i.underServed, i.seed]);
      expect(after).toEqual(allocateApplications(i.applicants, i.capacity, weights, i.underServed, i.seed));
      expect(after.held).toEqual([]);
    }), { numRuns: 500 });
  });

  it('never gives a place to someone without a matching need while someone with one has none', () => {
    fc.assert(fc.property(input, (i) => {
      const result = allocateApplications(i.applicants, i.capacity, weights, i.underServed, i.seed);
      const need = new Set(i.applicants.filter((a) => a.facts.matchingNeedCodes.length > 0).map((a) => a.personId));
      const needLeftOut = result.outcomes.some((o) => !o.placed && need.has(o.personId));
      if (needLeftOut) expect(result.outcomes.filter((o) => o.placed).every((o) => need.has(o.personId))).toBe(true);
    }), { numRuns: 500 });
  });

  it('gives the same places for the same applications, in whatever order they come', () => {
    fc.assert(fc.property(input, (i) => {
      const args = [i.capacity, i.reservations, i.today, weights, i.underServed, i.seed] as const;
      const once = allocateWithReservations(i.applicants, ...args);
      expect(allocateWithReservations(i.applicants, ...args)).toEqual(once);
      expect(allocateWithReservations(i.shuffled, ...args)).toEqual(once);
      expect(allocateFirstCome(i.shuffled, i.capacity)).toEqual(allocateFirstCome(i.applicants, i.capacity));
    }), { numRuns: 300 });
  });
});
