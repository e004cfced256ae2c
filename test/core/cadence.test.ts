// The cadence engine across real calendars: the dates a newly qualified social worker meets in
// their first eight months, bank holidays, clock changes, moving team, and a policy that changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, bankHoliday, formatDay, workingCalendar, workingDaysBefore, addWorkingDays } from '../../core/calendar';
import { nextAppraisal, nextSupervision, supervisionDue, type CadencePerson } from '../../core/cadence';
import { parseCadencePolicy, PolicyError, type CadencePolicy } from '../../core/cadencePolicy';

const policy = parseCadencePolicy(JSON.parse(readFileSync(join(__dirname, '..', '..', 'policy', 'cadence.json'), 'utf8')));

const nqsw: CadencePerson = { profession: 'social_worker', careerStage: 'early_career', startDate: '2026-09-07', workingDays: [1, 2, 3, 4, 5] };

/** Sessions one after another, each held on the day it was expected. */
function sessions(person: CadencePerson, from: string, until: string, p: CadencePolicy = policy): string[] {
  const out: string[] = [];
  let last: string | null = null;
  let after = from;
  for (;;) {
    const next = nextSupervision(p, person, { lastHeld: last, after });
    if (!next || next > until) return out;
    out.push(next);
    last = next;
    after = next;
  }
}

describe('a newly qualified social worker (ASYE) starting on Monday 7 September 2026', () => {
  it('is supervised weekly for six weeks, fortnightly to six months, then monthly', () => {
    expect(sessions(nqsw, '2026-09-07', '2027-05-10')).toEqual([
      // weekly
      '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19',
      // fortnightly from six weeks
      '2026-11-02', '2026-11-16', '2026-11-30', '2026-12-14',
      '2026-12-29', // the 28th is the Boxing Day substitute bank holiday
      '2027-01-12', '2027-01-26', '2027-02-09', '2027-02-23', '2027-03-09',
      // monthly from six months (7 March 2027)
      '2027-04-09', '2027-05-10', // 9 May 2027 is a Sunday
    ]);
  });

  it('is prompted three working days before, skipping Christmas', () => {
    const calendar = workingCalendar([1, 2, 3, 4, 5]);
    expect(workingDaysBefore('2026-12-29', 3, calendar)).toBe('2026-12-22');
    expect(bankHoliday('2026-12-28')).toBe('Boxing Day (substitute day)');
    expect(formatDay('2026-12-29', '2026-12-22')).toBe('Tuesday 29 December');
  });

  it('says the year of a day in the past or more than six months ahead', () => {
    expect(formatDay('2021-11-11', '2026-12-03')).toBe('Thursday 11 November 2021');
    expect(formatDay('2026-12-02', '2026-12-03')).toBe('Wednesday 2 December 2026');
    expect(formatDay('2027-01-04', '2026-12-03')).toBe('Monday 4 January');
    expect(formatDay('2027-09-01', '2026-12-03')).toBe('Wednesday 1 September 2027');
  });
});

describe('bank holidays and working days', () => {
  it('moves a session that falls at Easter to the next working day', () => {
    const monthly: CadencePerson = { profession: 'early_help_worker', careerStage: 'experienced', startDate: '2020-01-10', workingDays: [1, 2, 3, 4, 5] };
    expect(nextSupervision(policy, monthly, { lastHeld: '2027-02-26', after: '2027-02-26' })).toBe('2027-03-30'); // Good Friday 26th, Easter Monday 29th
  });

  it("respects a part-timer's working days", () => {
    const partTime: CadencePerson = { profession: 'family_support_worker', careerStage: 'experienced', startDate: '2024-01-01', workingDays: [2, 3, 4] };
    // 1 June 2026 is a Monday: Tuesday is their next working day.
    expect(nextSupervision(policy, partTime, { lastHeld: '2026-05-01', after: '2026-05-01' })).toBe('2026-06-02');
    expect(addWorkingDays('2026-06-04', 1, workingCalendar([2, 3, 4]))).toBe('2026-06-09');
  });

  it('counts one working day after a weekend day as the Monday', () => {
    expect(addWorkingDays('2026-11-28', 1, workingCalendar())).toBe('2026-11-30'); // Saturday
    expect(addWorkingDays('2026-11-27', 1, workingCalendar())).toBe('2026-11-30'); // Friday
    expect(addWorkingDays('2026-11-28', 0, workingCalendar())).toBe('2026-11-30');
  });

  it('keeps monthly sessions on the month end rather than drifting to the 28th', () => {
    const monthEnd: CadencePerson = { profession: 'early_help_worker', careerStage: 'experienced', startDate: '2025-01-31', workingDays: [1, 2, 3, 4, 5] };
    expect(nextSupervision(policy, monthEnd, { lastHeld: null, after: '2025-04-01' })).toBe('2025-04-30');
    expect(nextSupervision(policy, monthEnd, { lastHeld: null, after: '2025-07-01' })).toBe('2025-07-31');
  });

  it('keeps weekly sessions on the same weekday across the clock changes', () => {
    const weekly = sessions(nqsw, '2026-10-12', '2026-10-27');
    expect(weekly).toEqual(['2026-10-19']);
    const grid = ['2026-10-19', addDays('2026-10-19', 7)];
    expect(grid[1]).toBe('2026-10-26'); // the week the clocks went back (25 October)
  });
});

describe('moving team, and growing out of early career', () => {
  it('counts on from the last session, whoever the new manager is', () => {
    const moved = { ...nqsw }; // team and manager are not part of the cadence
    expect(nextSupervision(policy, moved, { lastHeld: '2026-11-16', after: '2026-11-20' })).toBe('2026-11-30');
  });

  it('switches to monthly once HR records them as experienced', () => {
    const experienced: CadencePerson = { ...nqsw, careerStage: 'experienced' };
    expect(nextSupervision(policy, experienced, { lastHeld: '2026-11-16', after: '2026-11-16' })).toBe('2026-12-16');
  });
});

describe('teachers and appraisal', () => {
  const teacher: CadencePerson = { profession: 'teacher', careerStage: 'experienced', startDate: '2019-09-01', workingDays: [1, 2, 3, 4, 5] };

  it('gives teachers a termly check-in', () => {
    expect(sessions(teacher, '2026-09-01', '2027-07-01')).toEqual(['2026-10-01', '2027-02-01', '2027-06-01']);
  });

  it('follows the appraisal cycle with a mid-year review, and none for early career teachers', () => {
    expect(nextAppraisal(policy, nqsw, '2026-11-22')).toEqual({ kind: 'appraisal', date: '2027-04-15' });
    expect(nextAppraisal(policy, nqsw, '2026-06-01')).toEqual({ kind: 'midyear', date: '2026-10-15' });
    expect(nextAppraisal(policy, teacher, '2026-11-22')).toEqual({ kind: 'midyear', date: '2027-03-15' });
    expect(nextAppraisal(policy, { ...teacher, careerStage: 'early_career' }, '2026-11-22')).toBeNull();
  });

  it('says when supervision falls due after the last one, so lateness can be seen', () => {
    const monthly: CadencePerson = { profession: 'social_care_practitioner', careerStage: 'experienced', startDate: '2021-03-01', workingDays: [1, 2, 3, 4, 5] };
    expect(supervisionDue(policy, monthly, '2026-09-10')).toBe('2026-10-12'); // 10 October 2026 is a Saturday
  });
});

describe('a policy that changes on a date', () => {
  const changing = parseCadencePolicy({
    version: 2,
    versions: [
      policy.versions[0],
      { ...policy.versions[0], effectiveFrom: '2027-04-01', note: 'Early career standards from April 2027', supervision: { ...policy.versions[0]!.supervision, default: { every: { weeks: 3 } } } },
    ],
  });

  it('applies each version from its date', () => {
    const person: CadencePerson = { profession: 'early_help_worker', careerStage: 'experienced', startDate: '2020-01-10', workingDays: [1, 2, 3, 4, 5] };
    expect(sessions(person, '2027-02-01', '2027-06-30', changing)).toEqual([
      '2027-02-10', '2027-03-10', '2027-04-12', // monthly while the first version is in force (10 April is a Saturday)
      '2027-05-04', '2027-05-25', '2027-06-15', // every three weeks from the session after 1 April (3 May is a bank holiday)
    ]);
  });

  it('refuses a policy file that is wrong, saying where', () => {
    expect(() => parseCadencePolicy({ version: 1, versions: [{ ...policy.versions[0], effectiveFrom: '2026-13-01' }] })).toThrow(PolicyError);
    expect(() => parseCadencePolicy({ version: 1, versions: [{ ...policy.versions[0], prompts: { workingDaysBefore: 0, reminderAfterWorkingDays: 2, sendFrom: '17:00', sendUntil: '08:30' } }] }))
      .toThrow(/versions\.0\.prompts\.workingDaysBefore[\s\S]*sendFrom must be before sendUntil/);
    expect(() => parseCadencePolicy({ version: 1, versions: [policy.versions[0], { ...policy.versions[0] }] })).toThrow(/in order of effectiveFrom/);
    const appraisal = { ...policy.versions[0]!.appraisal, default: { on: '02-30' } };
    expect(() => parseCadencePolicy({ version: 1, versions: [{ ...policy.versions[0], appraisal }] })).toThrow(/must be a real day of the year/);
  });
});
