// CPD the demo's people logged themselves over the last year with `log cpd`, across every
// profession and registered or not: supervision-sized pieces of learning (case discussions,
// shadowing, reading, a conference), some with a peer's reflection. Places taken up on learning
// offers reach CPD records through attendance instead (local/demo/offers.ts). Managers log little,
// which the organisation plan's "who CPD reaches" duly flags.
import { addDays, type IsoDate } from '../../core/calendar';
import type { ActivityType } from '../../core/activities';
import type { CpdRecord } from '../../core/cpd';
import { deterministicId } from '../../core/ids';
import type { LearningNeed } from '../../core/needs';
import type { Person } from '../../core/people';
import type { Profession } from '../../core/workforce';
import type { Runtime } from '../../runtime/runtime';
import { staffId } from './personas';

interface Logged {
  n: number;
  daysAgo: number;
  type: ActivityType;
  title: string;
  hours: number;
  /** Hours with others (NMC counts them): all of them unless said. */
  withOthers?: number;
  codes: string[];
  /** What happened and what they will do now: the reflection. */
  what: string;
  nowWhat?: string;
  impact?: string;
  peer?: { n: number; profession: Profession; reflection: string };
  feedback?: boolean;
  discussion?: boolean;
  /** Meets the person's need with these words in it. */
  meets?: string;
}

const LOGGED: Logged[] = [
  // Social workers
  {
    n: 11, daysAgo: 20, type: 'work_shadowing', title: 'Shadowed a school nurse drop-in', hours: 3, codes: ['CC5', 'CC1'], meets: 'school nurses',
    what: 'A morning with the school nursing team at their drop-in. They give a lot of advice on consent that I had not known about.', nowWhat: 'Call the school nurse before a strategy discussion, not after.',
    impact: 'Young people hear one message from us.', peer: { n: 35, profession: 'school_nurse', reflection: 'Priya asked thoughtful questions about Gillick competence.' },
  },
  { n: 11, daysAgo: 38, type: 'critical_reflection', title: 'My first initial child protection conference', hours: 1, withOthers: 0, codes: ['CC3.S2'], what: 'Wrote up what went well and what I would present differently.', nowWhat: 'Share my report with the family two days before, not on the day.' },
  { n: 12, daysAgo: 61, type: 'case_discussion', title: 'Peer case discussion: neglect and drift', hours: 1.5, codes: ['CC3.S1'], what: 'Presented a family where the plan had stalled.', nowWhat: 'Set review points in the plan itself.', peer: { n: 13, profession: 'social_worker', reflection: 'Marcus named the drift honestly and the group learned from it.' } },
  { n: 12, daysAgo: 205, type: 'conference', title: 'Family Justice Council regional conference', hours: 6, codes: ['CC3.K1'], what: 'Sessions on parents with learning disabilities in proceedings.' },
  { n: 13, daysAgo: 92, type: 'reading_research', title: 'Read: the updated Public Law Outline guidance', hours: 2, withOthers: 0, codes: ['CC3.K1'], what: 'Pre-proceedings letters: what a good one includes.' },
  { n: 14, daysAgo: 150, type: 'bite_size_workshop', title: 'Giving evidence in court', hours: 3, codes: ['CC3.S2'], what: "Practice cross-examination with the council's solicitors.", nowWhat: 'Keep statements to what I saw and what I think it means.' },
  { n: 10, daysAgo: 35, type: 'reflective_learning_set', title: "Team managers' reflective learning set", hours: 2, codes: ['CC5.S1'], what: 'Managing disagreement between agencies at strategy meetings.' },
  { n: 21, daysAgo: 46, type: 'case_discussion', title: 'MASH case discussion: a referral from a GP', hours: 1, codes: ['CC6.K4'], what: 'When health information can be shared without consent.', peer: { n: 22, profession: 'health_visitor', reflection: 'Sophie brought a clear question and recorded the decision well.' } },
  { n: 25, daysAgo: 70, type: 'conference', title: 'Contextual safeguarding network day', hours: 5, codes: ['CC3.K2'], what: 'Mapping peer groups and places, not only families.', meets: 'Contextual' },
  { n: 63, daysAgo: 101, type: 'bite_size_workshop', title: 'County lines: what the police see', hours: 2, codes: ['CC3'], what: 'Signs of exploitation in the young people we work with.' },
  { n: 2, daysAgo: 120, type: 'policy_development', title: 'Rewrote the threshold document with health and education', hours: 6, codes: ['CC5.K3'], what: 'Agreeing shared language across three services.' },
  // Managers and the directorate
  { n: 1, daysAgo: 150, type: 'conference', title: "Directors of children's services annual conference", hours: 6, codes: ['CC5'], what: 'Workforce stability and the new early career framework.' },
  { n: 30, daysAgo: 80, type: 'reflective_learning_set', title: "Managers' reflective learning set", hours: 2, codes: ['CC1'], what: 'Supporting staff after a difficult home visit.' },
  { n: 60, daysAgo: 160, type: 'conference', title: 'Youth Justice Board regional conference', hours: 5, codes: ['CC4'], what: 'Child first: what it means for our assessments.' },
  { n: 70, daysAgo: 90, type: 'conference', title: 'L&D leads network: evaluating CPD', hours: 4, codes: ['CC5'], what: 'How other councils measure whether learning changed practice.' },
  // Early years
  { n: 51, daysAgo: 60, type: 'bite_size_workshop', title: 'Makaton refresher', hours: 2, codes: ['CC1.S1'], what: 'Signs for the under-threes room.' },
  { n: 52, daysAgo: 41, type: 'observing_practice', title: 'Observed a colleague running a two-year check', hours: 2, codes: ['CC2.S1'], what: 'How she involved the parent in the observation.', meets: 'progress check' },
  { n: 52, daysAgo: 300, type: 'induction', title: 'Early years induction', hours: 12, codes: ['CC2', 'CC3'], what: 'Safeguarding, EYFS and the nursery routines.' },
  { n: 53, daysAgo: 110, type: 'reading_research', title: 'Read: attachment in the early years', hours: 2, withOthers: 0, codes: ['CC2.K2'], what: 'Key person approach and settling.' },
  { n: 55, daysAgo: 30, type: 'role_modelling', title: 'Led the room while a new practitioner watched', hours: 3, codes: ['CC1', 'CC2'], what: 'Explaining why, not only what, as I went.' },
  // Early help
  { n: 31, daysAgo: 24, type: 'mentoring', title: 'Mentoring with a teacher: the move to secondary', hours: 1, codes: ['CC4.S2'], what: 'How schools plan transition for vulnerable pupils.', meets: 'secondary', peer: { n: 41, profession: 'teacher', reflection: 'Jamie is building good links with the secondary heads of year.' } },
  { n: 32, daysAgo: 75, type: 'role_modelling', title: 'Co-worked a family plan review with a new colleague', hours: 2, codes: ['CC1.S2'], what: 'Explaining the plan without jargon.' },
  { n: 34, daysAgo: 150, type: 'induction', title: 'Early help induction', hours: 10, codes: ['CC4', 'CC5'], what: 'The early help assessment and the team around the family.' },
  { n: 33, daysAgo: 72, type: 'work_shadowing', title: 'Shadowed a health visitor on a new birth visit', hours: 3, codes: ['CC4.S1'], what: 'What a health visitor looks for at a new birth visit.', peer: { n: 22, profession: 'health_visitor', reflection: 'Daniel asked good questions about the family’s support network.' } },
  // Teachers
  { n: 41, daysAgo: 85, type: 'bite_size_workshop', title: 'Keeping Children Safe in Education: annual update', hours: 1.5, codes: ['CC3.K1'], what: 'What changed this year for advisory staff.' },
  { n: 45, daysAgo: 130, type: 'conference', title: 'Designated teachers for looked after children: network day', hours: 5, codes: ['CC4', 'CC2'], what: 'Personal education plans that follow the child.' },
  { n: 54, daysAgo: 95, type: 'bite_size_workshop', title: 'EYFS moderation', hours: 2, codes: ['CC2.S1'], what: 'Agreeing judgements with other settings.' },
  // Youth justice
  { n: 61, daysAgo: 55, type: 'case_discussion', title: 'Case discussion: a young person turning 18', hours: 1, codes: ['CC4.S2'], what: 'Handing over to probation without losing what works.', meets: 'probation' },
  { n: 62, daysAgo: 180, type: 'qualification', title: 'Youth justice effective practice certificate: module 2', hours: 8, withOthers: 4, codes: ['CC1', 'CC3'], what: 'Desistance and building relationships.' },
  { n: 64, daysAgo: 65, type: 'role_modelling', title: 'Took a new worker to youth court', hours: 4, codes: ['CC1.S3'], what: 'Preparing a young person for court.' },
  // Health, psychology, SEN and business support
  { n: 22, daysAgo: 50, type: 'peer_supervision', title: 'Reflective discussion with another health visitor', hours: 1.5, codes: ['CC3', 'CC6'], what: 'Revalidation reflective discussion.', feedback: true, discussion: true },
  { n: 35, daysAgo: 40, type: 'supervision', title: 'Safeguarding supervision (health)', hours: 1, codes: ['CC3'], what: 'A disclosure at a drop-in and what I did next.', feedback: true },
  { n: 42, daysAgo: 200, type: 'bite_size_workshop', title: 'Dynamic assessment refresher', hours: 2, codes: ['CC2'], what: 'Half-day refresher.', impact: 'Revised my assessment plans.' },
  { n: 42, daysAgo: 30, type: 'reading_research', title: 'Read: Working Together 2023, chapter 2', hours: 1.5, withOthers: 0, codes: ['CC3', 'CC5'], what: 'Multi-agency expectations.', meets: 'conferences' },
  { n: 44, daysAgo: 120, type: 'qualification', title: 'Doctorate in educational psychology: placement supervision', hours: 6, codes: ['CC2', 'CC5'], what: 'Consultation with a primary school team.' },
  { n: 43, daysAgo: 140, type: 'bite_size_workshop', title: 'The SEND code of practice: annual reviews', hours: 2, codes: ['CC4'], what: 'Preparing for adulthood from year 9.' },
  { n: 16, daysAgo: 22, type: 'mentoring', title: 'Shadowing a health visitor: the 0-5 pathway', hours: 2, codes: ['CC5'], what: 'When health visitors refer to early help, and when to us.', meets: 'health visiting', peer: { n: 22, profession: 'health_visitor', reflection: 'Tariq now knows who to call in the health visiting team.' } },
];

/**
 * Everyone's last safeguarding refresher (mandatory every three years: policy/mandatory.json), from
 * over a year to over three years ago — so L&D see most up to date, a few due soon and a few overdue
 * — and a few people with none recorded. Older than a year, so who CPD reaches is as it was.
 */
function refreshers(people: readonly Person[], today: IsoDate): CpdRecord[] {
  return people.flatMap((p, i) => {
    if (i % 13 === 5) return [];
    const date = addDays(today, -(400 + ((i * 173) % 740)));
    return [{
      tenantId: p.tenantId, personId: p.aadObjectId, recordId: deterministicId('demo-refresher', p.aadObjectId), activityType: 'bite_size_workshop', title: 'Multi-agency safeguarding refresher', date,
      hours: 3, participatoryHours: 3, codes: ['CC3', 'CC5'], needIds: [], reflectionModel: 'what', reflection: {}, impactPractice: '', impactPeople: '',
      peer: null, peerReflection: '', includesFeedback: false, reflectiveDiscussion: false, createdAt: new Date(`${date}T17:00:00Z`).toISOString(),
    } satisfies CpdRecord];
  });
}

/** The records as `log cpd` saves them, linked to the needs they meet (which are then in progress), and the refreshers L&D recorded. */
export function demoCpd(people: readonly Person[], needs: readonly LearningNeed[], today: IsoDate): CpdRecord[] {
  return [...logged(people, needs, today), ...refreshers(people.filter((p) => p.status === 'active'), today)];
}

function logged(people: readonly Person[], needs: readonly LearningNeed[], today: IsoDate): CpdRecord[] {
  const name = (n: number) => people.find((p) => p.aadObjectId === staffId(n))?.displayName ?? 'a colleague';
  return LOGGED.flatMap((r, i) => {
    const personId = staffId(r.n);
    if (!people.some((p) => p.aadObjectId === personId)) return [];
    const date = addDays(today, -r.daysAgo);
    const meets = r.meets ? needs.filter((n) => n.personId === personId && n.description.includes(r.meets!)).map((n) => n.needId) : [];
    return [{
      tenantId: people[0]!.tenantId, personId, recordId: deterministicId('demo-cpd', String(r.n), String(i)), activityType: r.type, title: r.title, date,
      hours: r.hours, participatoryHours: r.withOthers ?? r.hours, codes: r.codes, needIds: meets, reflectionModel: 'what',
      reflection: { what: r.what, ...(r.nowWhat ? { nowWhat: r.nowWhat } : {}) }, impactPractice: r.impact ?? '', impactPeople: '',
      peer: r.peer ? { name: name(r.peer.n), profession: r.peer.profession } : null, peerReflection: r.peer?.reflection ?? '',
      includesFeedback: r.feedback ?? false, reflectiveDiscussion: r.discussion ?? false, createdAt: new Date(`${date}T17:00:00Z`).toISOString(),
    }];
  });
}

export async function writeCpd(rt: Runtime, records: readonly CpdRecord[]): Promise<void> {
  await Promise.all(records.map((r) => rt.cpd.save(r)));
}
