// Qualifications: what someone holds, by RQF level (2 to 8), with its title and when it was awarded.
// From HR's roster (optional columns) or added by the person and confirmed by their line manager —
// never by themself. "Professionally qualified" means a professional qualification, not a regulator:
// a teacher with QTS is qualified whether or not the roster gives their TRN.
import type { RegistrationBody } from './workforce';

export const RQF_LEVELS = [2, 3, 4, 5, 6, 7, 8] as const;
export type RqfLevel = (typeof RQF_LEVELS)[number];

export const RQF_LABELS: Record<RqfLevel, string> = {
  2: 'Level 2 (GCSE grades 9–4, level 2 certificate)',
  3: 'Level 3 (A level, Early Years Educator diploma)',
  4: 'Level 4 (higher education certificate)',
  5: 'Level 5 (foundation degree, diploma)',
  6: "Level 6 (bachelor's degree, degree apprenticeship, QTS, EYTS)",
  7: "Level 7 (master's degree, PGCE)",
  8: 'Level 8 (doctorate)',
};

/** `pending`: added by the person, waiting for their manager. `declined`: their manager said it is not right. */
export type QualificationStatus = 'confirmed' | 'pending' | 'declined';
export type QualificationSource = 'roster' | 'self';

export interface Qualification {
  tenantId: string;
  personId: string;
  /** `roster` for the one HR's roster gives (replaced by each import that has the columns). */
  qualificationId: string;
  level: RqfLevel;
  title: string;
  awardedOn: string | null;
  /** A professional qualification (social work degree, QTS, EYTS, nursing, a doctorate in educational psychology). */
  professional: boolean;
  source: QualificationSource;
  status: QualificationStatus;
  /** Who confirmed it (a manager's id) or `roster`. */
  confirmedBy: string | null;
  createdAt: string;
}

/** What a roster row says about someone's qualification, when the file has the columns. */
export type RosterQualification = Pick<Qualification, 'level' | 'title' | 'awardedOn' | 'professional'>;

/**
 * Professionally qualified: registered with a regulator that registers only the qualified (SWE, HCPC,
 * NMC, the TRA), or holding a confirmed professional qualification.
 */
export function isProfessionallyQualified(person: { registrationBody: RegistrationBody }, qualifications: readonly Pick<Qualification, 'professional' | 'status'>[]): boolean {
  return person.registrationBody !== 'none' || qualifications.some((q) => q.professional && q.status === 'confirmed');
}

/** "Level 6: BA Social Work (2019)" */
export function qualificationLine(q: Pick<Qualification, 'level' | 'title' | 'awardedOn' | 'professional'>): string {
  return `Level ${q.level}: ${q.title}${q.awardedOn ? ` (${q.awardedOn.slice(0, 4)})` : ''}${q.professional ? ', professional' : ''}`;
}
