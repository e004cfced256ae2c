// A little learning already in the demo organisation, so `my plan`, `my cpd`, `view plan` and
// `run matching` show something on first start: plans, CPD records and mentoring offers for the demo
// personas and their colleagues, dated relative to today.
import { addDays, addMonths, type IsoDate } from '../../core/calendar';
import type { CpdRecord } from '../../core/cpd';
import type { LearningNeed } from '../../core/needs';
import type { MentorOffer } from '../../core/mentoring';
import { planPeriodOf } from '../../core/planPeriod';
import { cadencePerson } from '../../core/sessionPlanning';
import { deterministicId } from '../../core/ids';
import type { Runtime } from '../../runtime/runtime';
import { personaByKey } from './personas';

type NeedSeed = Pick<LearningNeed, 'codes' | 'description' | 'activityTypes' | 'priority' | 'status' | 'source'> & Partial<LearningNeed>;
type CpdSeed = Pick<CpdRecord, 'title' | 'activityType' | 'hours' | 'participatoryHours' | 'codes' | 'reflection' | 'impactPractice' | 'impactPeople'> & { daysAgo: number } & Partial<CpdRecord>;

const NEEDS: Record<string, NeedSeed[]> = {
  practitioner: [
    { codes: ['CC3.S2'], description: 'Writing court statements that hold up under cross-examination', activityTypes: ['mentoring', 'observing_practice'], priority: 'high', status: 'planned', source: 'supervision', plan: { activityType: 'observing_practice', note: 'Sit in on a final hearing with Dana', date: null } },
    { codes: ['CC5', 'CC6'], description: "Understand how school nurses and health visitors work, so I contact them earlier", activityTypes: ['work_shadowing'], priority: 'medium', status: 'open', source: 'self' },
  ],
  teacher: [
    { codes: ['CC2.K2'], description: 'Trauma-informed approaches for pupils known to social care', activityTypes: ['bite_size_workshop', 'work_shadowing'], priority: 'high', status: 'open', source: 'appraisal' },
  ],
  psychologist: [
    { codes: ['CC5.S1'], description: 'Contributing to child protection conferences', activityTypes: ['work_shadowing'], priority: 'medium', status: 'in_progress', source: 'self' },
  ],
};

const CPD: Record<string, CpdSeed[]> = {
  practitioner: [
    {
      title: 'Shadowed a school nurse drop-in', activityType: 'work_shadowing', hours: 3, participatoryHours: 3, codes: ['CC5', 'CC1'], daysAgo: 20,
      reflection: { what: 'A morning with the school nursing team at their drop-in.', soWhat: 'They give a lot of advice on consent that I had not known about.', nowWhat: 'Call the school nurse before a strategy discussion, not after.' },
      impactPractice: 'Earlier contact with health colleagues.', impactPeople: 'Young people hear one message from us.',
      peer: { name: 'Mark Bennett', profession: 'school_nurse' }, peerReflection: 'Priya asked thoughtful questions about Gillick competence.',
    },
  ],
  psychologist: [
    { title: 'Dynamic assessment refresher', activityType: 'bite_size_workshop', hours: 2, participatoryHours: 2, codes: ['CC2'], daysAgo: 200, reflection: { what: 'Half-day refresher.' }, impactPractice: 'Revised my assessment plans.', impactPeople: '' },
    { title: 'Read: Working Together 2023, chapter 2', activityType: 'reading_research', hours: 1.5, participatoryHours: 0, codes: ['CC3', 'CC5'], daysAgo: 30, reflection: { what: 'Multi-agency expectations.' }, impactPractice: '', impactPeople: '' },
  ],
};

const demoId = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** People offering mentoring and shadowing across professions. */
const OFFERS: { n: number; strengths: string[]; kinds: MentorOffer['kinds']; text: string }[] = [
  { n: 42, strengths: ['CC2', 'CC5.S1', 'CC3.S2'], kinds: ['mentoring', 'shadowing'], text: 'Consultation with schools; writing reports for conferences and tribunals.' },
  { n: 22, strengths: ['CC2.K2', 'CC5', 'CC6'], kinds: ['shadowing', 'mentoring'], text: 'Health visiting and the 0-5 pathway; sharing information with health.' },
  { n: 35, strengths: ['CC6', 'CC5.K1'], kinds: ['shadowing'], text: 'School nursing drop-ins, consent and confidentiality with young people.' },
  { n: 41, strengths: ['CC4', 'CC2'], kinds: ['mentoring', 'coaching'], text: 'SEN support in mainstream schools; transitions between phases.' },
  { n: 61, strengths: ['CC1.S3', 'CC4.S2'], kinds: ['shadowing'], text: 'Youth court and working with young people who offend.' },
];

export async function seedDemoLearning(rt: Runtime, tenantId: string, today: IsoDate): Promise<number> {
  const at = rt.clock.now().toISOString();
  let count = 0;
  for (const [key, needs] of Object.entries(NEEDS)) {
    const persona = personaByKey(key);
    const person = await rt.people.get(tenantId, persona.aadObjectId);
    if (!person) continue;
    const period = planPeriodOf(rt.policy, cadencePerson(person), today).start;
    for (const [i, n] of needs.entries()) {
      await rt.needs.save({
        tenantId, personId: person.aadObjectId, needId: deterministicId('demo-need', key, String(i)), frameworkTag: null, sourceRef: 'demo',
        targetDate: addMonths(today, 4), period, plan: null, dropReason: null, comments: [], history: [], createdAt: at, updatedAt: at, ...n,
      });
      count += 1;
    }
  }
  for (const [key, records] of Object.entries(CPD)) {
    const persona = personaByKey(key);
    for (const [i, { daysAgo, ...r }] of records.entries()) {
      await rt.cpd.save({
        tenantId, personId: persona.aadObjectId, recordId: deterministicId('demo-cpd', key, String(i)), date: addDays(today, -daysAgo),
        needIds: [], reflectionModel: 'what', peer: null, peerReflection: '', includesFeedback: false, reflectiveDiscussion: false, createdAt: at, ...r,
      });
      count += 1;
    }
  }
  for (const o of OFFERS) {
    await rt.mentoring.saveOffer({
      tenantId, personId: demoId(o.n), strengths: o.strengths, strengthsText: o.text, kinds: o.kinds, capacity: 2, availability: [], locality: '', pausedUntil: null, updatedAt: at,
    });
    count += 1;
  }
  // Priya is waiting for someone from another profession for her court-statement need.
  const priya = personaByKey('practitioner').aadObjectId;
  await rt.mentoring.saveRequest({
    tenantId, personId: priya, requestId: deterministicId('demo-request', 'practitioner'), needIds: [deterministicId('demo-need', 'practitioner', '0')],
    codes: NEEDS.practitioner![0]!.codes, kind: 'mentoring', preferProfession: null, locality: null, availability: [], status: 'waiting', notYet: null, createdAt: at, updatedAt: at,
  });
  return count + 1;
}
