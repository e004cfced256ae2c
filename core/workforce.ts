// The workforce vocabulary from the domain brief: stable codes that every other module and every
// file format uses. Labels are what people read; codes never change once stored.

export const PROFESSIONS = {
  social_worker: 'Social worker',
  social_care_practitioner: 'Social care practitioner',
  teacher: 'Teacher',
  early_years_practitioner: 'Early years practitioner',
  educational_psychologist: 'Educational psychologist',
  early_help_worker: 'Early help worker',
  family_support_worker: 'Family support worker',
  youth_justice_worker: 'Youth justice worker',
  education_welfare_officer: 'Education welfare officer',
  sen_officer: 'SEN officer',
  health_visitor: 'Health visitor',
  school_nurse: 'School nurse',
  manager: 'Manager',
  business_support: 'Business support',
} as const;
export type Profession = keyof typeof PROFESSIONS;
export const PROFESSION_CODES = Object.keys(PROFESSIONS) as [Profession, ...Profession[]];

export const CAREER_STAGES = {
  early_career: 'Early career (ASYE / ECT / first year)',
  experienced: 'Experienced',
  senior: 'Senior',
  manager: 'Manager',
} as const;
export type CareerStage = keyof typeof CAREER_STAGES;
export const CAREER_STAGE_CODES = Object.keys(CAREER_STAGES) as [CareerStage, ...CareerStage[]];

export const ROLES = {
  practitioner: 'Practitioner',
  manager: 'Line manager',
  ld_admin: 'L&D admin',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as [Role, ...Role[]];

/** Regulators whose registration rules Weave knows; `none` covers everyone unregistered. */
export const REGISTRATION_BODIES = {
  swe: 'Social Work England',
  hcpc: 'Health and Care Professions Council',
  nmc: 'Nursing and Midwifery Council',
  tra: 'Teaching Regulation Agency',
  none: 'Not registered',
} as const;
export type RegistrationBody = keyof typeof REGISTRATION_BODIES;
export const REGISTRATION_BODY_CODES = Object.keys(REGISTRATION_BODIES) as [RegistrationBody, ...RegistrationBody[]];

/** Regulators that ask for CPD at renewal. The TRA records a teacher's QTS and reference number; QTS does not lapse. */
export const CPD_RENEWAL_BODIES: readonly RegistrationBody[] = ['swe', 'hcpc', 'nmc'];

/** The regulator a profession is normally registered with; a mismatch is worth a warning, not a refusal. */
export const USUAL_REGISTRATION: Partial<Record<Profession, RegistrationBody>> = {
  social_worker: 'swe',
  educational_psychologist: 'hcpc',
  health_visitor: 'nmc',
  school_nurse: 'nmc',
};

export function professionLabel(code: string): string {
  return (PROFESSIONS as Record<string, string>)[code] ?? code;
}

export function careerStageLabel(code: string): string {
  return (CAREER_STAGES as Record<string, string>)[code] ?? code;
}

/** "Line manager", "L&D admin": a role as people read it, never its code. */
export function roleLabel(code: string): string {
  return (ROLES as Record<string, string>)[code] ?? code;
}

export function registrationLabel(code: string): string {
  return (REGISTRATION_BODIES as Record<string, string>)[code] ?? code;
}

/** "a social worker", "an educational psychologist": used in sentences that introduce people. */
export function withArticle(label: string): string {
  return /^[aeiou]/i.test(label) ? `an ${label.toLowerCase()}` : `a ${label.toLowerCase()}`;
}
