// Mentor matching's rules, on hand-made cases and on random organisations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchMentors, type MatchPerson, type MatchingInput } from '../../core/matching';
import { parseMentoringPolicy, type MentorOffer, type MentorRequest } from '../../core/mentoring';
import { PROFESSION_CODES, type Profession } from '../../core/workforce';

const policy = parseMentoringPolicy(JSON.parse(readFileSync(join(__dirname, '..', '..', 'policy', 'mentoring.json'), 'utf8')));

const person = (id: string, profession: Profession, extra: Partial<MatchPerson> = {}): MatchPerson => ({
  id, profession, team: `${profession} team`, service: `${profession} service`, careerStage: 'experienced', managerId: null, supervisorId: null, ...extra,
});
const offer = (personId: string, strengths: string[], extra: Partial<MentorOffer> = {}): MentorOffer => ({
  tenantId: 't', personId, strengths, strengthsText: '', kinds: ['mentoring', 'shadowing'], capacity: 1, availability: [], locality: '', pausedUntil: null, updatedAt: '', ...extra,
});
const request = (personId: string, codes: string[], extra: Partial<MentorRequest> = {}): MentorRequest => ({
  tenantId: 't', personId, requestId: `r-${personId}`, needIds: ['n'], codes, kind: 'mentoring', preferProfession: null, locality: null, availability: [],
  status: 'waiting', notYet: null, createdAt: '2026-11-01T00:00:00Z', updatedAt: '', ...extra,
});

function input(people: MatchPerson[], offers: MentorOffer[], requests: MentorRequest[], extra: Partial<MatchingInput> = {}): MatchingInput {
  return { policy, people: new Map(people.map((p) => [p.id, p])), offers, requests, load: new Map(), excludedPairs: new Set(), today: '2026-11-23', ...extra };
}

describe('mentor matching', () => {
  it('prefers another profession, a sub-heading over an area, and says why', () => {
    const people = [person('sw', 'social_worker'), person('ep', 'educational_psychologist'), person('sw2', 'social_worker'), person('t', 'teacher')];
    const result = matchMentors(input(people, [offer('ep', ['CC3.S2']), offer('sw2', ['CC3.S2']), offer('t', ['CC3'])], [request('sw', ['CC3.S2'])]));
    expect(result.proposals).toMatchObject([{ menteeId: 'sw', mentorId: 'ep', sameProfession: false }]);
    expect(result.proposals[0]!.reasons).toEqual(expect.arrayContaining([
      'strength in CC3.S2 Communication, recording and reporting', 'an educational psychologist and a social worker',
    ]));
  });

  it('falls back to the same profession only when nobody else fits, and flags it', () => {
    const people = [person('sw', 'social_worker'), person('sw2', 'social_worker')];
    const result = matchMentors(input(people, [offer('sw2', ['CC3'])], [request('sw', ['CC3.S1'])]));
    expect(result.proposals).toMatchObject([{ mentorId: 'sw2', sameProfession: true }]);
    expect(result.proposals[0]!.reasons).toContain('both social workers (nobody from another profession was free to fit this time)');
    const strict = matchMentors(input(people, [offer('sw2', ['CC3'])], [request('sw', ['CC3.S1'])], { policy: { ...policy, sameProfessionFallback: false } }));
    expect(strict.proposals).toEqual([]);
    expect(strict.notYet[0]!.reason).toContain('Weave matches across professions');
  });

  it('never pairs people in one line-management chain or supervision, and says so', () => {
    const people = [
      person('head', 'manager'), person('tm', 'educational_psychologist', { managerId: 'head' }), person('sw', 'social_worker', { managerId: 'tm' }),
      person('sup', 'teacher'), person('mentee2', 'social_worker', { supervisorId: 'sup' }),
    ];
    const result = matchMentors(input(people, [offer('head', ['CC5']), offer('tm', ['CC5']), offer('sup', ['CC1'])], [request('sw', ['CC5']), request('mentee2', ['CC1'])]));
    expect(result.proposals).toEqual([]);
    expect(result.notYet.map((n) => n.reason)).toEqual([
      'The people whose strengths fit are in your own line-management chain, or you have been paired with them before.',
      'The people whose strengths fit are in your own line-management chain, or you have been paired with them before.',
    ]);
  });

  it('follows a line chain through a manager who has left', () => {
    // head manages mid (who has left), who managed sw: head is still in sw's chain.
    const people = [person('head', 'educational_psychologist'), person('sw', 'social_worker', { managerId: 'mid' })];
    const managers = new Map<string, string | null>([['head', null], ['mid', 'head'], ['sw', 'mid']]);
    const result = matchMentors(input(people, [offer('head', ['CC5'])], [request('sw', ['CC5'])], { managers }));
    expect(result.proposals).toEqual([]);
  });

  it('gives someone their own profession only after everyone has had the chance of another', () => {
    // One teacher fits both social workers; the second social worker then gets the free social worker, flagged.
    const people = [person('sw1', 'social_worker'), person('sw2', 'social_worker'), person('t', 'teacher'), person('sw3', 'social_worker')];
    const result = matchMentors(input(people, [offer('t', ['CC2']), offer('sw3', ['CC2'])], [request('sw1', ['CC2']), request('sw2', ['CC2'], { createdAt: '2026-11-02T00:00:00Z' })]));
    expect(result.proposals.map((p) => [p.mentorId, p.sameProfession]).sort()).toEqual([['sw3', true], ['t', false]]);
    expect(new Set(result.proposals.map((p) => p.menteeId))).toEqual(new Set(['sw1', 'sw2']));
  });

  it('puts each person in the pool once, however many requests they have', () => {
    const people = [person('sw', 'social_worker'), person('ep', 'educational_psychologist')];
    const result = matchMentors(input(people, [offer('ep', ['CC2'], { capacity: 2 })], [request('sw', ['CC2']), request('sw', ['CC2'], { requestId: 'second' })]));
    expect(result.proposals).toHaveLength(1);
  });

  it('keeps within capacity and current load, and tells the rest why they wait', () => {
    const people = [person('ep', 'educational_psychologist'), ...['a', 'b', 'c'].map((id) => person(id, 'social_worker'))];
    const result = matchMentors(input(people, [offer('ep', ['CC2'], { capacity: 2 })], ['a', 'b', 'c'].map((id) => request(id, ['CC2'])), { load: new Map([['ep', 1]]) }));
    expect(result.proposals).toHaveLength(1);
    expect(result.notYet).toHaveLength(2);
    const full = matchMentors(input(people, [offer('ep', ['CC2'], { capacity: 1 })], [request('a', ['CC2'])], { load: new Map([['ep', 1]]) }));
    expect(full.notYet[0]!.reason).toBe('Everyone whose strengths fit has a full diary for now; you stay in the pool.');
  });

  it('leaves out pairs declined or met before, paused mentors, other kinds and times that never meet', () => {
    const people = [person('sw', 'social_worker'), person('ep', 'educational_psychologist')];
    const base = [request('sw', ['CC1'])];
    expect(matchMentors(input(people, [offer('ep', ['CC1'])], base, { excludedPairs: new Set(['ep|sw']) })).proposals).toEqual([]);
    expect(matchMentors(input(people, [offer('ep', ['CC1'], { pausedUntil: '2026-12-01' })], base)).notYet[0]!.reason).toContain('taking a break');
    expect(matchMentors(input(people, [offer('ep', ['CC1'], { kinds: ['coaching'] })], base)).notYet[0]!.reason).toBe('Nobody offers mentoring yet.');
    expect(matchMentors(input(people, [offer('ep', ['CC1'], { availability: ['mon-am'] })], [request('sw', ['CC1'], { availability: ['fri-pm'] })])).notYet[0]!.reason).toContain("aren't free when you are");
    expect(matchMentors(input(people, [offer('ep', ['CC6'])], base)).notYet[0]!.reason).toBe('Nobody offering mentoring has a strength in CC1 Communication and engagement yet.');
  });

  it('never breaks a hard rule, on any organisation', () => {
    const org = fc.integer({ min: 2, max: 10 }).chain((n) => fc.record({
      professions: fc.array(fc.constantFrom(...PROFESSION_CODES.slice(0, 4)), { minLength: n, maxLength: n }),
      managers: fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }), { minLength: n, maxLength: n }),
      strengths: fc.array(fc.subarray(['CC1', 'CC3', 'CC3.S2', 'CC5']), { minLength: n, maxLength: n }),
      wants: fc.array(fc.subarray(['CC1', 'CC3.S2', 'CC5.K1']), { minLength: n, maxLength: n }),
      capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    }));
    fc.assert(fc.property(org, (o) => {
      // Managers only point to someone earlier, so there are no loops.
      const people = o.professions.map((p, i) => person(`p${i}`, p, { managerId: o.managers[i] !== null && o.managers[i]! < i ? `p${o.managers[i]}` : null }));
      const offers = people.filter((_, i) => o.strengths[i]!.length > 0).map((p) => offer(p.id, o.strengths[Number(p.id.slice(1))]!, { capacity: o.capacity[Number(p.id.slice(1))]! }));
      const requests = people.filter((_, i) => o.wants[i]!.length > 0).map((p) => request(p.id, o.wants[Number(p.id.slice(1))]!));
      const result = matchMentors(input(people, offers, requests));
      const byId = new Map(people.map((p) => [p.id, p]));
      const chain = (id: string) => {
        const up = new Set<string>();
        for (let at = byId.get(id)!.managerId; at; at = byId.get(at)!.managerId) up.add(at);
        return up;
      };
      for (const p of result.proposals) {
        expect(p.mentorId).not.toBe(p.menteeId);
        expect(chain(p.menteeId).has(p.mentorId) || chain(p.mentorId).has(p.menteeId)).toBe(false);
        const cross = byId.get(p.mentorId)!.profession !== byId.get(p.menteeId)!.profession;
        expect(cross || p.sameProfession).toBe(true);
      }
      for (const off of offers) expect(result.proposals.filter((p) => p.mentorId === off.personId).length).toBeLessThanOrEqual(off.capacity);
      expect(new Set(result.proposals.map((p) => p.menteeId)).size).toBe(result.proposals.length);
      expect(result.proposals.length + result.notYet.length).toBe(requests.length);
    }), { numRuns: 500 });
  });
});
