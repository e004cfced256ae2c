// Mentoring and shadowing across professions: who offers it, three pairs under way since an
// earlier matching run (proposed, both accepted, introduced, and checked in on at four weeks), and
// Priya waiting for a mentor for her court-statement need — `run matching` pairs her.
import { addDays, type IsoDate } from '../../core/calendar';
import { deterministicId } from '../../core/ids';
import type { MentorMatch, MentorOffer, MentorRequest, MentoringKind } from '../../core/mentoring';
import type { LearningNeed } from '../../core/needs';
import type { Runtime } from '../../runtime/runtime';
import { PRIYA_COURT_NEED } from './needs';
import { staffId } from './personas';

/** By roster row: strengths, what they offer, in their words. */
const OFFERS: { n: number; strengths: string[]; kinds: MentorOffer['kinds']; text: string }[] = [
  { n: 42, strengths: ['CC2', 'CC5.S1', 'CC3.S2'], kinds: ['mentoring', 'shadowing'], text: 'Consultation with schools; writing reports for conferences and tribunals.' },
  { n: 22, strengths: ['CC2.K2', 'CC5', 'CC6'], kinds: ['shadowing', 'mentoring'], text: 'Health visiting and the 0-5 pathway; sharing information with health.' },
  { n: 35, strengths: ['CC6', 'CC5.K1'], kinds: ['shadowing'], text: 'School nursing drop-ins, consent and confidentiality with young people.' },
  { n: 41, strengths: ['CC4', 'CC2'], kinds: ['mentoring', 'coaching'], text: 'SEN support in mainstream schools; transitions between phases.' },
  { n: 61, strengths: ['CC1.S3', 'CC4.S2'], kinds: ['shadowing'], text: 'Youth court and working with young people who offend.' },
  { n: 25, strengths: ['CC3.S1', 'CC3.K1'], kinds: ['mentoring'], text: 'Strategy discussions, section 47 enquiries and thresholds.' },
  { n: 32, strengths: ['CC1.S2', 'CC4.S2', 'CC6.S2'], kinds: ['shadowing', 'coaching'], text: 'Explaining plans to families in plain words; bringing families into decisions about sharing information.' },
  { n: 64, strengths: ['CC3.S1', 'CC1.S1'], kinds: ['mentoring', 'shadowing'], text: 'Exploitation, and getting young people to talk when they would rather not.' },
];

/** Pairs under way: mentor, mentee, the mentee's need (by words in it), kind, and when they were introduced. */
const PAIRS: { mentor: number; mentee: number; need: string; kind: MentoringKind; codes: string[]; reasons: string[]; introducedDaysAgo: number }[] = [
  { mentor: 22, mentee: 16, need: 'health visiting', kind: 'shadowing', codes: ['CC5'], reasons: ['strength in CC5 Multi-agency working', 'a health visitor and a family support worker', 'different teams and services'], introducedDaysAgo: 52 },
  { mentor: 35, mentee: 24, need: 'Recording why', kind: 'shadowing', codes: ['CC6.S1'], reasons: ['strength in CC6 Information sharing', 'a school nurse and a social care practitioner', 'different teams and services'], introducedDaysAgo: 60 },
  { mentor: 41, mentee: 31, need: 'secondary school', kind: 'mentoring', codes: ['CC4.S2'], reasons: ['strength in CC4 Supporting transitions', 'a teacher and an early help worker', 'different teams'], introducedDaysAgo: 70 },
];

export interface DemoMentoring {
  offers: MentorOffer[];
  requests: MentorRequest[];
  matches: MentorMatch[];
}

export function demoMentoring(tenantId: string, needs: readonly LearningNeed[], today: IsoDate): DemoMentoring {
  const at = (daysAgo: number, time = '10:00') => new Date(`${addDays(today, -daysAgo)}T${time}:00Z`).toISOString();
  const offers = OFFERS.map((o): MentorOffer => ({
    tenantId, personId: staffId(o.n), strengths: o.strengths, strengthsText: o.text, kinds: o.kinds, capacity: 2, availability: [], locality: '', pausedUntil: null, updatedAt: at(120),
  }));
  const requests: MentorRequest[] = [];
  const matches: MentorMatch[] = [];
  const priyaNeed = needs.find((n) => n.needId === PRIYA_COURT_NEED);
  if (priyaNeed) {
    requests.push({
      tenantId, personId: priyaNeed.personId, requestId: deterministicId('demo-request', 'practitioner'), needIds: [priyaNeed.needId], codes: priyaNeed.codes, kind: 'mentoring',
      preferProfession: null, locality: null, availability: [], status: 'waiting', notYet: null, createdAt: at(6), updatedAt: at(6),
    });
  }
  for (const p of PAIRS) {
    const need = needs.find((n) => n.personId === staffId(p.mentee) && n.description.includes(p.need));
    if (!need) continue;
    const requestId = deterministicId('demo-request', String(p.mentee));
    const proposed = p.introducedDaysAgo + 4;
    requests.push({
      tenantId, personId: need.personId, requestId, needIds: [need.needId], codes: need.codes, kind: p.kind, preferProfession: null, locality: null, availability: [],
      status: 'matched', notYet: null, createdAt: at(proposed + 5), updatedAt: at(p.introducedDaysAgo),
    });
    const checkedIn = at(p.introducedDaysAgo - 29, '15:00');
    matches.push({
      tenantId, matchId: deterministicId('mentor-match', requestId, staffId(p.mentor)), requestId, mentorId: staffId(p.mentor), menteeId: need.personId, kind: p.kind,
      codes: p.codes, score: 4, reasons: p.reasons, sameProfession: false, status: 'active', mentorAnswer: 'accepted', menteeAnswer: 'accepted', declinedBy: null, declineReason: '',
      proposedAt: at(proposed), remindedAt: null, introducedAt: at(p.introducedDaysAgo),
      checkIns: [
        { week: 4, personId: need.personId, at: checkedIn, met: true, useful: 'very' },
        { week: 4, personId: staffId(p.mentor), at: checkedIn, met: true, useful: 'somewhat' },
      ],
      updatedAt: checkedIn,
    });
  }
  return { offers, requests, matches };
}

export async function writeMentoring(rt: Runtime, demo: DemoMentoring): Promise<void> {
  await Promise.all([
    ...demo.offers.map((o) => rt.mentoring.saveOffer(o)),
    ...demo.requests.map((r) => rt.mentoring.saveRequest(r)),
    ...demo.matches.map((m) => rt.mentoring.createMatch(m)),
  ]);
}
