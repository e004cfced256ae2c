// The cadence policy as the law moves: the early career standards from 1 April 2027, the early
// career development programme replacing the ASYE from September 2027 (someone part-way through the
// ASYE keeps its rules), planning far enough ahead for every prompt's notice, the grid that skips
// what it cannot land on, and the overdue rule that starts when Weave first knew someone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, onOrAfterWorkingDay, workingCalendar, workingDaysBefore } from '../../core/calendar';
import { intervalAt, nextSupervision, plus, programmeFor, supervisionDue, supervisionRuleFor, type CadencePerson } from '../../core/cadence';
import { parseCadencePolicy, policyOn, type CadencePolicy, type Interval } from '../../core/cadencePolicy';
import type { Person } from '../../core/people';
import { plannedSupervisions, planningHorizon } from '../../core/sessionPlanning';
import { describeSupervisionRule, supervisionFrequency } from '../../core/supervisionFrequency';

const policy = parseCadencePolicy(JSON.parse(readFileSync(join(__dirname, '..', '..', 'policy', 'cadence.json'), 'utf8')));
const nqsw = (startDate: string): CadencePerson => ({ profession: 'social_worker', careerStage: 'early_career', startDate, workingDays: [1, 2, 3, 4, 5] });

/** Sessions one after another, each held on the day it was expected. */
function sessions(p: CadencePolicy, person: CadencePerson, from: string, until: string): string[] {
  const out: string[] = [];
  let last: string | null = null;
  for (let after = from; ;) {
    const next = nextSupervision(p, person, { lastHeld: last, after });
    if (!next || next > until) return out;
    out.push(next);
    last = after = next;
  }
}

describe('the early career standards from 1 April 2027', () => {
  it('names the knowledge and skills statement until 31 March 2027, and the early career standards from 1 April', () => {
    const priya = nqsw('2026-11-02');
    const before = programmeFor(policy, priya, '2027-03-31')!;
    expect(before.name).toContain('ASYE');
    expect(before.standards).toContain('knowledge and skills statement for child and family practitioners');
    const from = programmeFor(policy, priya, '2027-04-01')!;
    expect(from.name).toContain('ASYE');
    expect(from.standards).toBe('the child and family social worker early career standards');
    // Nobody else has a programme.
    expect(programmeFor(policy, { ...priya, careerStage: 'experienced' }, '2027-04-01')).toBeUndefined();
    expect(programmeFor(policy, { ...priya, profession: 'teacher' }, '2027-04-01')).toBeUndefined();
  });

  it('keeps the cadence across the boundary: no supervision frequency is published with the standards', () => {
    const firstOnly = parseCadencePolicy({ version: 1, versions: [policy.versions[0]] });
    const priya = nqsw('2027-02-01');
    expect(sessions(policy, priya, '2027-02-01', '2027-10-31')).toEqual(sessions(firstOnly, priya, '2027-02-01', '2027-10-31'));
    expect(policyOn(policy, '2027-04-01').note).toMatch(/no supervision frequency is published/);
  });
});

describe('the early career development programme from September 2027', () => {
  it('replaces the ASYE for social workers who start from 1 September 2027; anyone part-way through the ASYE keeps it', () => {
    const midway = nqsw('2027-06-07');
    const newStarter = nqsw('2027-09-06');
    expect(programmeFor(policy, midway, '2027-10-04')?.name).toMatch(/ASYE/);
    expect(programmeFor(policy, newStarter, '2027-10-04')?.name).toBe('the early career development programme (ECDP)');
    // No start date: taken as starting now, under the newest rules.
    expect(programmeFor(policy, { ...newStarter, startDate: null }, '2027-10-04')?.name).toMatch(/ECDP/);
    expect(policyOn(policy, '2027-09-01').note).toMatch(/not yet published, so new starters keep the present cadence/);
  });

  it('gives a new starter today\'s cadence, as the programme publishes none yet', () => {
    const firstOnly = parseCadencePolicy({ version: 1, versions: [policy.versions[0]] });
    const newStarter = nqsw('2027-09-06');
    expect(sessions(policy, newStarter, '2027-09-06', '2028-04-30')).toEqual(sessions(firstOnly, newStarter, '2027-09-06', '2028-04-30'));
  });

  it('keeps the rules someone started under when a later version changes them: mid-way through the ASYE on 1 September, nothing moves', () => {
    // As if the programme were published with supervision every three weeks from the start.
    const ecdp = structuredClone(policy.versions[2]!);
    ecdp.effectiveFrom = '2028-01-01';
    ecdp.supervision.rules[1]!.rule = { every: { weeks: 3 } };
    const changed = parseCadencePolicy({ version: 3, versions: [...policy.versions, ecdp] });
    const midway = nqsw('2027-06-07');
    expect(sessions(changed, midway, '2027-08-01', '2028-06-30')).toEqual(sessions(policy, midway, '2027-08-01', '2028-06-30'));
    const newStarter = nqsw('2027-11-01');
    const steps = sessions(changed, newStarter, '2028-01-01', '2028-03-31');
    expect(steps.length).toBeGreaterThan(0);
    expect(supervisionRuleFor(policyOn(changed, '2028-02-01'), newStarter)).toEqual({ every: { weeks: 3 } });
    expect(supervisionRuleFor(policyOn(changed, '2028-02-01'), midway)).toHaveProperty('phases');
  });

  it('refuses a start-date rule that is not a date', () => {
    const bad = structuredClone(policy.versions[2]!) as unknown as { supervision: { rules: { when: Record<string, string> }[] } };
    bad.supervision.rules[0]!.when.startedBefore = 'September';
    expect(() => parseCadencePolicy({ version: 1, versions: [bad] })).toThrow(/startedBefore: must be a date/);
  });
});

describe('the grid skips what it cannot land on, and lands where stepping would', () => {
  /** The grid stepped one interval at a time, as before the skip. */
  function stepped(p: CadencePolicy, person: CadencePerson, opts: { lastHeld: string | null; after: string }): string | null {
    const calendar = workingCalendar(person.workingDays);
    let anchor = opts.lastHeld ?? person.startDate ?? p.versions[0]!.effectiveFrom;
    let base = anchor;
    let steps = 0;
    let current: Interval | null = null;
    for (let step = 0; step < 5000; step++) {
      const rule = supervisionRuleFor(policyOn(p, anchor), person);
      if ('none' in rule || 'on' in rule) return nextSupervision(p, person, opts);
      const interval = intervalAt(rule, person, anchor)!;
      if (!current || JSON.stringify(current) !== JSON.stringify(interval)) { base = anchor; steps = 0; current = interval; }
      steps += 1;
      const next = plus(base, 'weeks' in interval ? { weeks: interval.weeks * steps } : { months: interval.months * steps });
      const d = onOrAfterWorkingDay(next, calendar);
      if (d > opts.after) return d;
      anchor = next;
    }
    return null;
  }

  it('agrees with stepping for any start, last session and day', () => {
    const day = fc.integer({ min: 0, max: 365 * 22 }).map((n) => addDays('2005-01-01', n));
    const person = fc.record({
      profession: fc.constantFrom('social_worker', 'early_help_worker', 'health_visitor'),
      careerStage: fc.constantFrom('early_career', 'experienced'),
      startDate: day,
      workingDays: fc.constantFrom([1, 2, 3, 4, 5], [2, 3, 4], [1]),
    });
    fc.assert(fc.property(person, day, fc.option(day, { nil: null }), (p, after, lastHeld) => {
      const held = lastHeld && lastHeld < after ? lastHeld : null;
      expect(nextSupervision(policy, p, { lastHeld: held, after })).toBe(stepped(policy, p, { lastHeld: held, after }));
    }), { numRuns: 400 });
  });
});

describe('planning as far ahead as the notice needs', () => {
  const person = (fields: Partial<Person> = {}): Person => ({
    tenantId: 't', aadObjectId: 'p', email: 'p@x', displayName: 'P', jobTitle: 'Social worker', profession: 'social_worker', team: 'PaCT', service: '', managerId: null,
    careerStage: 'early_career', startDate: '2025-03-13', registrationBody: 'swe', registrationNumber: '', roles: ['practitioner'], status: 'active', source: 'roster',
    leftOn: null, confirmedBy: null, preferredName: null, supervisorId: null, workingDays: [1, 2, 3, 4, 5], revalidationDate: null, ...fields,
  });

  it('plans next week\'s session before this week\'s has passed, so its prompt can go on its day (Easter 2025)', () => {
    // Started Thursday 13 March 2025: weekly on Thursdays. On Thursday 17 April, the prompt for 24 April is due (three working days back across Easter).
    const today = '2025-04-17';
    const until = planningHorizon(today, 3, [1, 2, 3, 4, 5]);
    const planned = plannedSupervisions(policy, person(), undefined, today, until).map((p) => p.date);
    expect(planned.slice(0, 2)).toEqual(['2025-04-17', '2025-04-24']);
    expect(workingDaysBefore('2025-04-24', 3, workingCalendar())).toBe('2025-04-17');
  });

  it('plans weeks ahead for a part-timer whose notice reaches further than four weeks', () => {
    expect(planningHorizon('2026-11-23', 3, [1, 2, 3, 4, 5])).toBe('2026-12-21');
    expect(planningHorizon('2026-11-23', 10, [1])).toBe('2027-02-08'); // ten Mondays on
  });

  it('keeps a repeating recording, and counts the cadence on from a one-off date', () => {
    const weekly = { tenantId: 't', personId: 'p', kind: 'supervision' as const, date: '2026-11-26', time: '10:00', repeat: 'weekly' as const, lastHeld: null, setBy: 'm', updatedAt: '' };
    expect(plannedSupervisions(policy, person({ careerStage: 'experienced' }), weekly, '2026-11-23', '2026-12-21').map((p) => `${p.date} ${p.source}`))
      .toEqual(['2026-11-26 recorded', '2026-12-03 recorded', '2026-12-10 recorded', '2026-12-17 recorded']);
    const once = { ...weekly, repeat: 'none' as const };
    expect(plannedSupervisions(policy, person({ careerStage: 'experienced', startDate: '2020-01-10' }), once, '2026-11-23', '2027-01-31').map((p) => `${p.date} ${p.source}`))
      .toEqual(['2026-11-26 recorded', '2026-12-29 cadence', '2027-01-26 cadence']); // 26 December a Saturday, 28th a bank holiday
  });
});

describe('overdue from when Weave first knew someone', () => {
  const longServing: CadencePerson = { profession: 'family_support_worker', careerStage: 'experienced', startDate: '2009-05-01', workingDays: [1, 2, 3, 4, 5] };

  it('is one interval after the first roster import for someone who started years before, not years ago', () => {
    expect(supervisionDue(policy, longServing, null)).toBe('2009-06-01');
    expect(supervisionDue(policy, { ...longServing, knownSince: '2026-11-02' }, null)).toBe('2026-12-02');
    // A session held counts from itself, whenever Weave first knew them.
    expect(supervisionDue(policy, { ...longServing, knownSince: '2026-11-02' }, '2026-11-20')).toBe('2026-12-21');
    // Known before they started (a joiner imported ahead of their first day): from the start date.
    expect(supervisionDue(policy, { ...longServing, startDate: '2026-12-07', knownSince: '2026-11-02' }, null)).toBe('2027-01-07');
  });
});

describe('supervision frequency against the policy', () => {
  it('says the rule in words', () => {
    expect(describeSupervisionRule(supervisionRuleFor(policy.versions[0]!, nqsw('2026-09-07')))).toBe('weekly for the first 6 weeks, fortnightly to 6 months, then monthly');
    expect(describeSupervisionRule({ every: { months: 1 } })).toBe('monthly');
    expect(describeSupervisionRule({ on: ['10-01', '02-01', '06-01'] })).toBe('on set dates (3 a year)');
  });

  it('counts held against expected over twelve weeks, from when Weave knew them, with what waits for the supervisor', () => {
    const priya = { ...nqsw('2026-09-07'), knownSince: '2026-09-07' };
    const f = supervisionFrequency(policy, priya, [
      { date: '2026-09-14', status: 'held' }, { date: '2026-09-21', status: 'held' }, { date: '2026-09-28', status: 'not_held' },
      { date: '2026-10-05', status: 'held' }, { date: '2026-10-12', status: 'unconfirmed' },
    ], '2026-10-14');
    expect(f).toEqual({ held: 3, expected: 5, awaiting: 1, rule: 'weekly for the first 6 weeks, fortnightly to 6 months, then monthly' });
    // Known only since last week: one expected, not twelve weeks' worth.
    expect(supervisionFrequency(policy, { ...priya, profession: 'early_help_worker', careerStage: 'experienced', startDate: '2015-01-12', knownSince: '2026-11-09' }, [], '2026-12-14').expected).toBe(1);
  });
});
