// The roll-up maths on a fixed fixture, with every expected figure worked out by hand; and the
// channel digest's promise, on any plan: no count below the threshold is ever shown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ofTotal, teamDigest } from '../../core/digest';
import { broadcastTally, recipientCount } from '../../core/offers';
import { computeOrgPlan, poolSmallGroups, type OrgPerson } from '../../core/orgPlan';
import { parsePlanPolicy } from '../../core/planPolicy';
import { computeTeamPlan, type NeedFacts, type SessionFacts, type TeamPlan } from '../../core/teamPlan';
import type { LearningTrigger } from '../../core/triggers';

const policy = parsePlanPolicy(JSON.parse(readFileSync(join(__dirname, '..', '..', 'policy', 'plans.json'), 'utf8')));

const person = (id: string, team: string, profession: OrgPerson['profession'], registered: boolean): OrgPerson => ({ id, team, profession, registered });
const people: OrgPerson[] = [
  person('a', 'PaCT', 'social_worker', true), person('b', 'PaCT', 'social_worker', true), person('c', 'PaCT', 'social_worker', true),
  person('d', 'PaCT', 'family_support_worker', false), person('e', 'PaCT', 'social_care_practitioner', false), person('f', 'MASH', 'social_worker', true),
  person('x', 'Educational Psychology', 'educational_psychologist', true), person('y', 'Early Help', 'early_help_worker', false),
];
const need = (personId: string, codes: string[], activityTypes: string[], open = true): NeedFacts => ({ personId, codes, activityTypes, open });
const needs: NeedFacts[] = [
  need('a', ['CC3.S2'], ['mentoring', 'work_shadowing']), need('a', ['CC5'], ['bite_size_workshop']), need('b', ['CC3'], ['mentoring']),
  need('c', ['CC3.S2'], ['mentoring']), need('c', ['CC6'], ['mentoring'], false), need('d', ['CC5.K1'], ['bite_size_workshop']), need('f', ['CC3'], []),
];
const session = (personId: string, date: string, status: string, answered: boolean): SessionFacts => ({ personId, kind: 'supervision', date, status, answered });
const sessions = [
  session('a', '2026-11-10', 'held', true), session('b', '2026-11-11', 'lapsed', false), session('c', '2026-11-12', 'held', true),
  session('d', '2026-11-13', 'cancelled', false), session('e', '2026-11-16', 'held', true), session('a', '2026-10-01', 'held', true),
];
const mentoring = { offers: [{ personId: 'x', strengths: ['CC3.S2'] }, { personId: 'y', strengths: ['CC5'] }, { personId: 'a', strengths: ['CC1'] }], pairs: [{ mentorId: 'x', menteeId: 'b' }], waiting: ['d'] };
const trigger = (id: string, codes: string[], dueDate: string): LearningTrigger => ({
  tenantId: 't', triggerId: id, source: 'practice_review', summary: 'Learning from a rapid review', codes, teams: ['PaCT'], professions: [], dueDate, needsCreated: false, createdBy: 'm', createdAt: '',
});
const triggers = [trigger('t1', ['CC6.K2'], '2027-01-31'), trigger('t2', ['CC1'], '2026-10-01')];

describe('team training plan', () => {
  const plan = computeTeamPlan({
    team: 'PaCT', period: '2026-11-23', policy, members: people.filter((p) => p.team === 'PaCT'), needs, sessions, appraised: new Set(['a', 'b', 'f']), mentoring, triggers,
  });

  it('rolls the members\' plans up exactly as worked out by hand', () => {
    expect(plan).toEqual({
      team: 'PaCT',
      period: '2026-11-23',
      headcount: 5,
      withOpenNeeds: 4,
      openNeeds: 5,
      areas: [
        { code: 'CC1', people: 0, needs: 0 }, { code: 'CC2', people: 0, needs: 0 }, { code: 'CC3', people: 3, needs: 3 },
        { code: 'CC4', people: 0, needs: 0 }, { code: 'CC5', people: 2, needs: 2 }, { code: 'CC6', people: 0, needs: 0 },
      ],
      subHeadings: [{ code: 'CC3.S2', people: 2 }, { code: 'CC5.K1', people: 1 }],
      activities: [{ code: 'mentoring', people: 3 }, { code: 'bite_size_workshop', people: 2 }, { code: 'work_shadowing', people: 1 }],
      supervision: { due: 4, held: 3, prepared: 3 },
      appraisal: { expected: 5, done: 2 },
      mentoring: { inPairs: 1, offering: 1, waiting: 1 },
      triggers: { count: 1, codes: ['CC6'], fewestAffected: 5 },
      suggestions: [{ code: 'CC3', people: 3, activity: 'mentoring', mentors: 1 }, { code: 'CC5', people: 2, activity: 'bite_size_workshop', mentors: 1 }],
    });
  });

  it('shows the channel only what hides everyone below the threshold', () => {
    const digest = teamDigest(plan, null, 3);
    expect(digest).toEqual({
      team: 'PaCT',
      tooSmall: false,
      headline: 'All but fewer than 3 of 5 people have open learning needs.',
      chart: [],
      table: [{ label: 'CC3 Safeguarding', value: 'all but fewer than 3 of 5' }, { label: 'CC5 Multi-agency working', value: 'fewer than 3 of 5' }],
      subHeadings: [],
      activities: [],
      trend: 'The first digest for this team: next week shows the trend.',
      supervision: 'Supervision held in the last four weeks: all but fewer than 3 of 5 people.',
      appraisal: 'Appraisal in the last year: fewer than 3 of 5 people.',
      mentoring: 'In mentoring or shadowing pairs: fewer than 3; offering to mentor: fewer than 3; waiting for a match: fewer than 3.',
      triggers: 'Learning triggers for this team: CC6 Information sharing.',
      suggestions: ['all but fewer than 3 of 5 need CC3 Safeguarding: try mentoring, the way most of them would like to learn; fewer than 3 internal mentors offer this strength.'],
    });
    // Supervision is what was held, of the whole team (beside team status's overdue it cannot seem to disagree); preparation only of a number shown exactly.
    expect(teamDigest({ ...plan, headcount: 9, supervision: { due: 8, held: 6, prepared: 3 } }, null, 3).supervision).toBe('Supervision held in the last four weeks: 6 of 9 people; prepared for it: 3 of 6.');
    expect(teamDigest({ ...plan, headcount: 9, supervision: { due: 9, held: 8, prepared: 5 } }, null, 3).supervision).toBe('Supervision held in the last four weeks: all but fewer than 3 of 9 people.');
    expect(teamDigest({ ...plan, supervision: { due: 2, held: 0, prepared: 0 } }, null, 3).supervision).toBe('Supervision held in the last four weeks: none.');
    // Too small a team gets no figures at all; a trigger aimed at one or two members is not named.
    expect(teamDigest({ ...plan, headcount: 2 }, null, 3)).toMatchObject({ tooSmall: true, headline: '', table: [] });
    expect(teamDigest({ ...plan, triggers: { count: 1, codes: ['CC6'], fewestAffected: 1 } }, null, 3).triggers).toBeNull();
    // A trend only between two exactly shown weeks of the same size, and only a change of at least 3.
    const big = { ...plan, headcount: 12, withOpenNeeds: 4 };
    expect(teamDigest({ ...big, withOpenNeeds: 8 }, big, 3).trend).toBe('4 more people with open needs than last week.');
    expect(teamDigest({ ...big, withOpenNeeds: 5 }, big, 3).trend).toBe('No change to report since last week.');
    expect(teamDigest({ ...big, withOpenNeeds: 11 }, big, 3).trend).toBe('No change to report since last week.'); // 11 of 12 is not shown exactly
  });

  it('never shows a count below the threshold, nor a proportion whose either side is below it, for any plan', () => {
    const count = fc.integer({ min: 0, max: 40 });
    const plans = fc.record({
      headcount: count, withOpenNeeds: count, openNeeds: count,
      areas: fc.array(fc.record({ code: fc.constantFrom('CC1', 'CC2', 'CC3', 'CC4', 'CC5', 'CC6'), people: count, needs: count }), { maxLength: 6 }),
      activities: fc.array(fc.record({ code: fc.constantFrom('mentoring', 'coaching', 'work_shadowing'), people: count }), { maxLength: 3 }),
      supervision: fc.record({ due: count, held: fc.option(count, { nil: undefined }), prepared: count }), appraisal: fc.record({ expected: count, done: count }),
      mentoring: fc.record({ inPairs: count, offering: count, waiting: count }),
      suggestions: fc.array(fc.record({ code: fc.constantFrom('CC1', 'CC3'), people: count, activity: fc.constantFrom('mentoring', null), mentors: count }), { maxLength: 3 }),
      previous: fc.option(fc.record({ withOpenNeeds: count, headcount: count }), { nil: null }), threshold: fc.integer({ min: 2, max: 5 }),
      fewestAffected: count,
    }).map((r) => ({
      ...r,
      withOpenNeeds: Math.min(r.withOpenNeeds, r.headcount),
      supervision: r.supervision.held === undefined
        ? { due: r.supervision.due, prepared: Math.min(r.supervision.prepared, r.supervision.due) }
        : { due: r.supervision.due, held: Math.min(r.supervision.held, r.headcount), prepared: Math.min(r.supervision.prepared, r.supervision.held, r.headcount) },
      appraisal: { expected: r.headcount, done: Math.min(r.appraisal.done, r.headcount) },
      suggestions: r.suggestions.map((s) => ({ ...s, people: Math.min(s.people, r.headcount) })),
    }));
    fc.assert(fc.property(plans, (r) => {
      const plan: TeamPlan = { team: 'T', period: '2026-11-23', subHeadings: [], triggers: { count: 1, codes: ['CC6'], fewestAffected: r.fewestAffected }, ...r };
      const previous = r.previous === null ? null : { ...plan, headcount: r.previous.headcount, withOpenNeeds: Math.min(r.previous.withOpenNeeds, r.previous.headcount) };
      const d = teamDigest(plan, previous, r.threshold);
      const small = (n: number) => n > 0 && n < r.threshold;
      if (r.headcount < r.threshold) expect(d.tooSmall).toBe(true);
      for (const bar of d.chart) expect(small(bar.value) || small(r.headcount - bar.value)).toBe(false);
      if (d.triggers) expect(small(r.fewestAffected)).toBe(false);
      // A stated trend is a change of at least the threshold, between two exactly shown weeks of one size.
      if (/than last week/.test(d.trend)) {
        expect(previous!.headcount).toBe(r.headcount);
        expect(Math.abs(r.withOpenNeeds - previous!.withOpenNeeds)).toBeGreaterThanOrEqual(r.threshold);
      }
      // Every number in the words, once codes (CC3) and the threshold in "fewer than N" are set aside, is 0 or at least the threshold.
      const words = [d.headline, ...d.table.map((x) => x.value), ...d.subHeadings, ...d.activities, d.trend, d.supervision, d.appraisal, d.mentoring, ...d.suggestions].join(' | ');
      const numbers = words.replace(/CC\d(\.[SK]\d)?/g, '').replace(/fewer than \d+/g, '').match(/\d+/g)?.map(Number) ?? [];
      for (const n of numbers) expect(small(n), `${n} in: ${words}`).toBe(false);
      // And "x of n" is never shown when the rest (n - x) is small.
      for (const m of words.matchAll(/(?<!than )(\d+) of (\d+)/g)) expect(small(Number(m[2]) - Number(m[1])), words).toBe(false);
      // Preparation is said of those held only when how many were held is itself shown exactly, so nothing small is left by subtraction.
      if (d.supervision.includes('prepared for it')) expect(small(r.supervision.held!) || small(r.headcount - r.supervision.held!), d.supervision).toBe(false);
    }), { numRuns: 2000 });
  });

  it('says "x of n" only when both sides are big enough', () => {
    expect(ofTotal(8, 11, 3)).toBe('8 of 11');
    expect(ofTotal(10, 11, 3)).toBe('all but fewer than 3 of 11');
    expect(ofTotal(1, 11, 3)).toBe('fewer than 3 of 11');
    expect(ofTotal(2, 2, 3)).toBe('too few to show (fewer than 3)');
    expect(ofTotal(5, 5, 3)).toBe('all 5');
  });
});

describe('organisation learning and development plan', () => {
  const plan = computeOrgPlan({
    policy, people, needs, triggers, mentoring, registrationShort: new Set(['b']),
    cpd: [{ personId: 'a', date: '2026-10-01' }, { personId: 'a', date: '2026-06-01' }, { personId: 'x', date: '2026-09-01' }, { personId: 'f', date: '2025-01-01' }],
    places: [{ personId: 'b' }], today: '2026-11-23',
  });

  it('ranks priorities by need, triggers and registration, and says what to commission for whom', () => {
    expect(plan).toMatchObject({ headcount: 8, withOpenNeeds: 5, openNeeds: 6 });
    expect(plan.priorities).toEqual([
      { code: 'CC6', score: 10, people: 0, triggerPeople: 5, registrationPeople: 0, teams: [], professions: [], activity: null, mentors: 0 },
      { code: 'CC3', score: 5, people: 4, triggerPeople: 0, registrationPeople: 1, teams: [{ name: 'PaCT', people: 3 }], professions: [{ name: 'Social worker', people: 4 }], activity: 'mentoring', mentors: 1 },
      { code: 'CC5', score: 2, people: 2, triggerPeople: 0, registrationPeople: 0, teams: [], professions: [], activity: 'bite_size_workshop', mentors: 1 },
    ]);
  });

  it('shows who CPD is reaching against their share of the workforce, pooling small groups', () => {
    const row = (dimension: string, group: string) => plan.equity.find((r) => r.dimension === dimension && r.group === group);
    expect(row('profession', 'Social worker')).toMatchObject({ headcount: 4, cpd: 2, places: 1, underServed: false });
    expect(row('profession', 'Other (groups under 3)')).toMatchObject({ headcount: 4, cpd: 1, places: 0, underServed: true });
    expect(row('registration', 'Not registered')).toMatchObject({ headcount: 3, cpd: 0, places: 0, underServed: true });
    expect(row('registration', 'Registered with a regulator')).toMatchObject({ headcount: 5, cpd: 3, underServed: false });
    expect(row('team', 'PaCT')).toMatchObject({ headcount: 5, cpd: 2, places: 1, underServed: false });
    expect(row('team', 'Other (groups under 3)')).toMatchObject({ headcount: 3, cpd: 1, places: 0, underServed: true });
    expect(plan.equity.some((r) => r.headcount > 0 && r.headcount < 3)).toBe(false);
  });
});

describe('small groups in the equity view', () => {
  it('pools groups under the threshold, and grows a pool still too small from the next smallest groups', () => {
    expect(poolSmallGroups(new Map([['A', 5], ['B', 3], ['C', 1]]), 3)).toEqual(new Map([['A', 5], ['Other (groups under 3)', 4]]));
    expect(poolSmallGroups(new Map([['A', 5], ['B', 1], ['C', 2]]), 3)).toEqual(new Map([['A', 5], ['Other (groups under 3)', 3]]));
    expect(poolSmallGroups(new Map([['A', 5], ['B', 4]]), 3)).toEqual(new Map([['A', 5], ['B', 4]]));
    // Two groups, one of them tiny: no row could be shown without pointing at it, so there is one row.
    expect(poolSmallGroups(new Map([['Registered', 9], ['Not registered', 1]]), 3)).toEqual(new Map([['Other (groups under 3)', 10]]));
  });

  it('never shows a count of people with a need from 0 to 2, nor one whose complement is that small', () => {
    expect(recipientCount(0, false, 3)).toBe('0');
    expect(recipientCount(1, false, 3)).toBe('1');
    for (const n of [0, 1, 2]) expect(recipientCount(n, true, 3)).toBe('fewer than 3');
    expect(recipientCount(5, true, 3, 5)).toBe('5');
    expect(recipientCount(5, true, 3, 6)).toBe('3 or more');
    expect(recipientCount(5, true, 3, 8)).toBe('5');
  });

  it("adds a broadcast's progress up to its audience from the first moment", () => {
    expect(broadcastTally(12, [])).toMatchObject({ ended: 0, toGo: 12 });
    expect(broadcastTally(12, ['queued', 'sending', 'sent', 'failed', 'not_installed'])).toEqual({ sent: 1, notInstalled: 1, blocked: 0, unreachable: 0, failed: 1, ended: 3, toGo: 9 });
  });
});
