// Recognised CPD activities, formal and non-formal. The research found staff wanted these over
// classroom and e-learning, so every form that asks "how would you like to learn" offers them all.

export const ACTIVITY_TYPES = {
  supervision: 'Supervision',
  peer_supervision: 'Peer supervision',
  mentoring: 'Mentoring',
  coaching: 'Coaching',
  work_shadowing: 'Work shadowing',
  bite_size_workshop: 'Bite-size workshop',
  team_study_day: 'Team study day or away day',
  reflective_learning_set: 'Reflective learning set',
  critical_reflection: 'Critical reflection',
  case_discussion: 'Critical discussion of cases',
  critical_incident_analysis: 'Critical incident analysis',
  observing_practice: 'Observing practice',
  role_modelling: 'Role modelling',
  secondment: 'Secondment',
  conference: 'Conference',
  qualification: 'Learning for a qualification',
  policy_development: 'Involvement in policy development',
  reading_research: 'Reading and research',
  induction: 'Induction',
} as const;

export type ActivityType = keyof typeof ACTIVITY_TYPES;
export const ACTIVITY_TYPE_CODES = Object.keys(ACTIVITY_TYPES) as [ActivityType, ...ActivityType[]];

export function activityLabel(code: string): string {
  return (ACTIVITY_TYPES as Record<string, string>)[code] ?? code;
}
