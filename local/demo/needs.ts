// The demo's Learning Development Plans. Each team has needs that meet in a few areas of the Common
// Core — enough people in an area that a team plan shows it (3 and more: the privacy threshold is
// never lowered for the demo) — and a need has come the way needs come: added with `add need` (with
// a sub-heading), or named when preparing for supervision or appraisal (an area; the need's id
// comes from the session, as the prompt card makes it, and the session's answers name it).
import { addDays, addMonths, type IsoDate } from '../../core/calendar';
import type { ActivityType } from '../../core/activities';
import type { CadencePolicy } from '../../core/cadencePolicy';
import { deterministicId } from '../../core/ids';
import type { LearningNeed, NeedStatus, PlannedActivity, Priority } from '../../core/needs';
import type { Person } from '../../core/people';
import { planPeriodOf } from '../../core/planPeriod';
import { cadencePerson } from '../../core/sessionPlanning';
import { sessionKey } from '../../core/sessions';
import type { Runtime } from '../../runtime/runtime';
import { staffId } from './personas';
import { latestHeld, type History } from './sessions';

interface NeedSeed {
  /** Roster row (local/demo/roster.csv). */
  n: number;
  codes: string[];
  text: string;
  ways: ActivityType[];
  priority?: Priority;
  status?: NeedStatus;
  /** Named when preparing for their latest supervision or appraisal; otherwise added with `add need`. */
  from?: 'supervision' | 'appraisal';
  plan?: Omit<PlannedActivity, 'date'> & { inDays: number | null };
}

const NEEDS: NeedSeed[] = [
  // PaCT: safeguarding records and court work; working with other agencies.
  { n: 11, codes: ['CC3.S2'], text: 'Writing court statements that hold up under cross-examination', ways: ['mentoring', 'observing_practice'], priority: 'high', status: 'planned', plan: { activityType: 'observing_practice', note: 'Sit in on a final hearing with Dana', inDays: null } },
  { n: 11, codes: ['CC5', 'CC6'], text: 'Understand how school nurses and health visitors work, so I contact them earlier', ways: ['work_shadowing'], status: 'in_progress' },
  { n: 10, codes: ['CC5.S1'], text: 'Keeping multi-agency strategy discussions focused on the child', ways: ['reflective_learning_set', 'case_discussion'] },
  { n: 12, codes: ['CC5'], text: 'Escalating with partner agencies when a plan drifts', ways: ['coaching'], from: 'supervision' },
  { n: 13, codes: ['CC3.S2'], text: 'Chronologies that show analysis, not just events', ways: ['mentoring', 'case_discussion'], priority: 'high', status: 'planned', plan: { activityType: 'case_discussion', note: "Bring two chronologies to the team's case discussion", inDays: 12 } },
  { n: 14, codes: ['CC3.K1'], text: 'Pre-proceedings under the Public Law Outline: letters and meetings', ways: ['case_discussion', 'bite_size_workshop'], priority: 'high' },
  { n: 15, codes: ['CC3.S2'], text: "Recording direct work so the child's voice comes through", ways: ['work_shadowing'] },
  { n: 16, codes: ['CC5'], text: 'What early help, school nursing and health visiting offer, so I refer well', ways: ['work_shadowing'], from: 'supervision' },
  // MASH: information sharing.
  { n: 20, codes: ['CC1.S3'], text: 'Threshold conversations that leave referrers clear what happens next', ways: ['coaching'], priority: 'low' },
  { n: 21, codes: ['CC6.K4'], text: 'Sharing information without consent: when, and recording the decision', ways: ['bite_size_workshop', 'case_discussion'], priority: 'high' },
  { n: 22, codes: ['CC3'], text: 'Thresholds and the continuum of need in this authority', ways: ['case_discussion'], from: 'supervision' },
  { n: 23, codes: ['CC6'], text: 'UK GDPR and safeguarding: what I can share with schools, and how', ways: ['bite_size_workshop'], from: 'supervision' },
  { n: 24, codes: ['CC6.S1'], text: 'Recording why I shared information, or why not', ways: ['bite_size_workshop', 'work_shadowing'], status: 'planned', plan: { activityType: 'work_shadowing', note: 'A morning with the school nursing team', inDays: 9 } },
  { n: 25, codes: ['CC3.K2'], text: 'Contextual safeguarding: harm outside the home', ways: ['conference', 'reading_research'], status: 'in_progress' },
  // Early Help 5-19: transitions.
  { n: 31, codes: ['CC4.S2'], text: 'Supporting young people through the move to secondary school', ways: ['coaching', 'bite_size_workshop'] },
  { n: 33, codes: ['CC4'], text: 'Spotting transitions early: a new baby, a house move, a parent in prison', ways: ['team_study_day'], from: 'supervision' },
  { n: 34, codes: ['CC4.K1'], text: 'How children respond to change when their family separates', ways: ['bite_size_workshop', 'reading_research'] },
  { n: 32, codes: ['CC1.S2'], text: 'Explaining a child protection plan to a family in plain words', ways: ['role_modelling'], status: 'met', from: 'appraisal' },
  { n: 35, codes: ['CC6.K1'], text: 'Confidentiality and consent with under-16s at drop-ins', ways: ['reading_research'], status: 'met' },
  // Education Inclusion: safeguarding in education.
  { n: 41, codes: ['CC2'], text: 'Trauma-informed approaches for pupils known to social care', ways: ['bite_size_workshop', 'work_shadowing'], priority: 'high', from: 'appraisal' },
  { n: 42, codes: ['CC5.S1'], text: 'Contributing to child protection conferences', ways: ['work_shadowing'], status: 'in_progress' },
  { n: 43, codes: ['CC3.K1'], text: 'Safeguarding duties within EHC needs assessments', ways: ['bite_size_workshop'] },
  { n: 44, codes: ['CC3'], text: 'Writing reports for child protection conferences', ways: ['mentoring', 'observing_practice'], priority: 'high', from: 'supervision' },
  { n: 45, codes: ['CC3.S1'], text: 'Recognising neglect in children looked after, at school', ways: ['case_discussion'], status: 'planned', plan: { activityType: 'case_discussion', note: 'Virtual school case discussion with the LAC team', inDays: 20 } },
  // Early Years: child development.
  { n: 51, codes: ['CC2.K2'], text: 'Speech and language delay: when to refer, and to whom', ways: ['work_shadowing'] },
  { n: 52, codes: ['CC2.S1'], text: 'Observation for the progress check at two', ways: ['observing_practice', 'work_shadowing'], priority: 'high', status: 'planned', plan: { activityType: 'work_shadowing', note: 'Shadow a health visitor at a two-year review', inDays: 15 } },
  { n: 53, codes: ['CC2'], text: 'Attachment and early trauma in the under-threes', ways: ['bite_size_workshop', 'work_shadowing'], from: 'appraisal' },
  { n: 54, codes: ['CC4.S2'], text: 'Transition into reception for children with SEND', ways: ['observing_practice'] },
  { n: 55, codes: ['CC3'], text: 'Recognising neglect in under-fives', ways: ['bite_size_workshop'], from: 'supervision' },
  // Youth Offending.
  { n: 61, codes: ['CC4.S2'], text: 'Transition from youth justice to adult probation', ways: ['case_discussion'] },
  { n: 62, codes: ['CC1.S1'], text: "Engaging young people who don't want to talk", ways: ['mentoring', 'work_shadowing'], priority: 'high' },
  { n: 63, codes: ['CC3'], text: 'Child criminal exploitation and county lines', ways: ['conference'], priority: 'high', from: 'supervision' },
  // Directorate and Workforce Development.
  { n: 2, codes: ['CC5.K3'], text: 'Shared procedures with health and education after the re-organisation', ways: ['policy_development'] },
  { n: 3, codes: ['CC6'], text: 'Information sharing agreements with schools', ways: ['policy_development'], priority: 'low', status: 'planned', from: 'appraisal', plan: { activityType: 'policy_development', note: 'Join the schools data-sharing working group', inDays: 30 } },
  { n: 71, codes: ['CC6.S1'], text: 'Handling records requests in line with the retention schedule', ways: ['bite_size_workshop'], priority: 'low' },
];

/** Priya's need for help with court statements: her mentoring request names it. */
export const PRIYA_COURT_NEED = deterministicId('demo-need', String(11), '0');

/**
 * Everyone's needs as the flows would have saved them, as of `today`. A need named at a session is
 * written into that session's answers too (need1Text, need1Area, need1Activity), as the prompt card
 * has it.
 */
export function demoNeeds(policy: CadencePolicy, people: readonly Person[], history: History, today: IsoDate): LearningNeed[] {
  const at = (date: IsoDate) => new Date(`${date}T10:00:00Z`).toISOString();
  const slots = new Map<string, number>();
  const mine = new Map<number, number>();
  return NEEDS.flatMap((seed) => {
    const person = people.find((p) => p.aadObjectId === staffId(seed.n));
    if (!person) return [];
    const index = mine.get(seed.n) ?? 0;
    mine.set(seed.n, index + 1);
    const session = seed.from && latestHeld(history, person.aadObjectId, seed.from);
    const cp = cadencePerson(person);
    let need: Pick<LearningNeed, 'needId' | 'codes' | 'source' | 'sourceRef' | 'period' | 'createdAt'>;
    if (session) {
      // As the prompt card saves it: an area, the session's key, and for appraisal the plan year it opens.
      const key = sessionKey(session);
      const slot = (slots.get(key) ?? 0) + 1;
      slots.set(key, slot);
      const area = seed.codes[0]!.split('.')[0]!;
      session.answers = { ...session.answers, [`need${slot}Area`]: area, [`need${slot}Text`]: seed.text, [`need${slot}Activity`]: seed.ways[0]! };
      need = {
        needId: deterministicId('session', key, String(slot)), codes: [area], source: session.kind, sourceRef: key,
        period: planPeriodOf(policy, cp, session.kind === 'appraisal' ? addMonths(session.date, 1) : session.date).start, createdAt: session.answeredAt ?? at(session.date),
      };
    } else {
      const added = addDays(today, -(20 + ((seed.n * 7 + index * 11) % 60)));
      need = { needId: deterministicId('demo-need', String(seed.n), String(index)), codes: seed.codes, source: 'self', sourceRef: '', period: planPeriodOf(policy, cp, today).start, createdAt: at(added) };
    }
    return [{
      tenantId: person.tenantId, personId: person.aadObjectId, ...need, frameworkTag: null, description: seed.text, activityTypes: seed.ways,
      priority: seed.priority ?? 'medium', status: seed.status ?? 'open', targetDate: addMonths(today, 2 + ((seed.n + index) % 5)),
      plan: seed.plan ? { activityType: seed.plan.activityType, note: seed.plan.note, date: seed.plan.inDays === null ? null : addDays(today, seed.plan.inDays) } : null,
      dropReason: null, comments: [], history: [], updatedAt: need.createdAt,
    }];
  });
}

export async function writeNeeds(rt: Runtime, needs: readonly LearningNeed[]): Promise<void> {
  await Promise.all(needs.map((n) => rt.needs.save(n)));
}
