import type { RosterQualification } from './qualifications';
import { professionLabel, type CareerStage, type Profession, type RegistrationBody, type Role } from './workforce';

/** The fields HR owns. A roster import sets exactly these; nothing else about a person. */
export interface HrRecord {
  aadObjectId: string;
  email: string;
  displayName: string;
  jobTitle: string;
  profession: Profession;
  team: string;
  service: string;
  managerId: string | null;
  careerStage: CareerStage;
  startDate: string | null;
  registrationBody: RegistrationBody;
  registrationNumber: string;
  roles: Role[];
  /**
   * A professional supervisor who is not the line manager (a social worker managed by a
   * non-social-worker). Only when the roster has the optional column: otherwise people set it in
   * their profile, and imports leave it alone.
   */
  supervisorId?: string | null;
  /** The roster's qualification columns, when the file has them (null: none given). Kept in the qualifications table, not on the person. */
  qualification?: RosterQualification | null;
}

/**
 * - `active`: on the roster (or confirmed by their manager) and working here.
 * - `pending`: introduced themselves in Teams but is not on the roster yet; their manager is asked to confirm.
 * - `left`: no longer on the roster. Kept, never silently deleted; retention decides when it goes.
 */
export type PersonStatus = 'active' | 'pending' | 'left';
export type PersonSource = 'roster' | 'self';

/** What a person may set for themself in `profile`; HR data is read-only to them. */
export interface PersonalSettings {
  preferredName: string | null;
  supervisorId: string | null;
  /** ISO weekdays (1 = Monday … 7 = Sunday) the person works; prompts only go on these days. */
  workingDays: number[];
  /** An NMC registrant's revalidation date: their three-year cycle ends on it. */
  revalidationDate: string | null;
}

export interface Person extends Omit<HrRecord, 'supervisorId'>, PersonalSettings {
  tenantId: string;
  status: PersonStatus;
  source: PersonSource;
  leftOn: string | null;
  /** For self-introduced people: who confirmed them, once their manager has. */
  confirmedBy: string | null;
  /**
   * When Weave first knew them: the roster import that brought them, or the day they introduced
   * themselves. Supervision cannot have been recorded before it, so none is overdue before it.
   */
  knownSince?: string | null;
}

export const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5];

export function hasRole(person: Pick<Person, 'roles' | 'status'> | undefined, role: Role): boolean {
  return !!person && person.status !== 'left' && person.roles.includes(role);
}

export function nameOf(person: Pick<Person, 'displayName' | 'preferredName'>): string {
  return person.preferredName || person.displayName;
}

export function firstName(person: Pick<Person, 'displayName' | 'preferredName'>): string {
  return nameOf(person).split(/\s+/)[0] ?? nameOf(person);
}

/**
 * A person's role as everyone reads it: their job title, then their profession when the title does
 * not already say it ("Team Manager · Social worker", but "Social Worker (ASYE)" alone).
 */
export function roleOf(person: Pick<Person, 'jobTitle' | 'profession'>): string {
  const profession = professionLabel(person.profession);
  const title = person.jobTitle.trim();
  if (!title) return profession;
  return title.toLowerCase().includes(profession.toLowerCase()) ? title : `${title} · ${profession}`;
}

export const HR_FIELDS: readonly (keyof HrRecord)[] = [
  'aadObjectId', 'email', 'displayName', 'jobTitle', 'profession', 'team', 'service', 'managerId',
  'careerStage', 'startDate', 'registrationBody', 'registrationNumber', 'roles',
];

/** Whether importing `next` would change `current` (the supervisor only counts when the file has the column). */
export function sameHrRecord(current: HrRecord, next: HrRecord): boolean {
  const fields: (keyof HrRecord)[] = next.supervisorId === undefined ? [...HR_FIELDS] : [...HR_FIELDS, 'supervisorId'];
  return fields.every((field) => JSON.stringify(current[field] ?? null) === JSON.stringify(next[field] ?? null));
}
