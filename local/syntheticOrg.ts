// A synthetic children's services workforce of any size, with the reference organisation's shape:
// services of teams of about ten, each with a manager; a realistic mix of professions; registered
// and unregistered staff. Deterministic for a seed, for tests and benchmarks.
import type { HrRecord } from '../core/people';
import { ROSTER_COLUMNS } from '../core/roster';
import type { Profession } from '../core/workforce';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ServiceShape {
  name: string;
  share: number;
  teams: string[];
  mix: [Profession, number][];
}

const SERVICES: ServiceShape[] = [
  { name: "Children's Social Care", share: 0.3, teams: ['MASH', 'PaCT', 'Looked After Children', 'Adoption', 'Fostering', 'Children in Need'],
    mix: [['social_worker', 0.6], ['social_care_practitioner', 0.25], ['family_support_worker', 0.15]] },
  { name: 'Early Help', share: 0.15, teams: ['Early Help 5-19', 'Early Help 0-5', 'Family Support'],
    mix: [['early_help_worker', 0.55], ['family_support_worker', 0.3], ['social_care_practitioner', 0.15]] },
  { name: 'Education and Inclusion', share: 0.2, teams: ['Education Inclusion', 'SEN', 'Educational Psychology', 'Virtual School', 'Education Welfare'],
    mix: [['teacher', 0.45], ['educational_psychologist', 0.15], ['sen_officer', 0.2], ['education_welfare_officer', 0.2]] },
  { name: 'Early Years', share: 0.15, teams: ['Early Years', "Children's Centres"], mix: [['early_years_practitioner', 0.8], ['teacher', 0.2]] },
  { name: 'Youth Justice', share: 0.06, teams: ['Youth Offending'], mix: [['youth_justice_worker', 0.7], ['social_worker', 0.3]] },
  { name: '0-19 Public Health Nursing', share: 0.08, teams: ['Health Visiting', 'School Nursing'], mix: [['health_visitor', 0.6], ['school_nurse', 0.4]] },
  { name: 'Business Support', share: 0.06, teams: ['Business Support', 'Workforce Development'], mix: [['business_support', 1]] },
];

const FIRST = ['Aisha', 'Ben', 'Chloe', 'Daniel', 'Ella', 'Femi', 'Grace', 'Harry', 'Isla', 'Jack', 'Kiran', 'Layla', 'Mo', 'Nia', 'Oscar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tom', 'Uma', 'Vik', 'Wren', 'Yusuf', 'Zoe'];
const LAST = ['Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Fisher', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morgan', 'Nowak', 'Owen', 'Patel', 'Roberts', 'Singh', 'Taylor', 'Walker', 'Wilson', 'Young'];

const REG: Partial<Record<Profession, ['swe' | 'hcpc' | 'nmc', string]>> = {
  social_worker: ['swe', 'SW'], educational_psychologist: ['hcpc', 'PYL'], health_visitor: ['nmc', 'NMC'], school_nurse: ['nmc', 'NMC'],
};

function guid(seed: number, n: number): string {
  const hex = (n * 2654435761 + seed).toString(16).padStart(12, '0').slice(-12);
  return `5e000000-${(seed % 65536).toString(16).padStart(4, '0')}-4000-8000-${hex}`;
}

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  let r = rand() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r <= 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

export function syntheticOrg(size: number, seed = 1): HrRecord[] {
  const rand = mulberry32(seed);
  const people: HrRecord[] = [];
  let n = 0;
  const person = (fields: Partial<HrRecord> & Pick<HrRecord, 'profession' | 'team' | 'service' | 'managerId' | 'careerStage' | 'jobTitle'>): HrRecord => {
    n += 1;
    const first = FIRST[Math.floor(rand() * FIRST.length)]!;
    const last = LAST[Math.floor(rand() * LAST.length)]!;
    const reg = REG[fields.profession];
    const year = 2005 + Math.floor(rand() * 21);
    const record: HrRecord = {
      aadObjectId: guid(seed, n),
      email: `${first}.${last}.${n}@synthetic.example`.toLowerCase(),
      displayName: `${first} ${last}`,
      startDate: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-01`,
      registrationBody: reg ? reg[0] : 'none',
      registrationNumber: reg ? `${reg[1]}${String(100000 + n)}` : '',
      roles: ['practitioner'],
      ...fields,
    };
    people.push(record);
    return record;
  };

  const director = person({ profession: 'manager', team: 'Directorate', service: 'Directorate', managerId: null, careerStage: 'manager', jobTitle: "Director of Children's Services", roles: ['practitioner', 'manager'] });
  person({ profession: 'business_support', team: 'Workforce Development', service: 'Business Support', managerId: director.aadObjectId, careerStage: 'senior', jobTitle: 'Workforce Development Lead', roles: ['practitioner', 'ld_admin'] });
  for (const service of SERVICES) {
    const head = person({ profession: 'manager', team: 'Directorate', service: service.name, managerId: director.aadObjectId, careerStage: 'manager', jobTitle: `Head of ${service.name}`, roles: ['practitioner', 'manager'] });
    const staff = Math.max(2, Math.round(size * service.share));
    const teamCount = Math.max(1, Math.round(staff / 11));
    for (let t = 0; t < teamCount; t++) {
      const base = service.teams[t % service.teams.length]!;
      const team = t < service.teams.length ? base : `${base} ${Math.floor(t / service.teams.length) + 1}`;
      const manager = person({ profession: 'manager', team, service: service.name, managerId: head.aadObjectId, careerStage: 'manager', jobTitle: `${team} Team Manager`, roles: ['practitioner', 'manager'] });
      const members = Math.round(staff / teamCount) - 1;
      for (let m = 0; m < members; m++) {
        const profession = pick(rand, service.mix);
        const careerStage = pick(rand, [['early_career', 0.2], ['experienced', 0.58], ['senior', 0.22]] as const) as HrRecord['careerStage'];
        person({ profession, team, service: service.name, managerId: manager.aadObjectId, careerStage, jobTitle: profession.replace(/_/g, ' ') });
      }
    }
  }
  // Rounding leaves a few too many or too few: trim from the end (reports always come after their
  // managers, so nobody loses theirs) or top up PaCT.
  while (people.length < size) {
    const anchor = people.find((p) => p.team === 'PaCT' && p.careerStage === 'manager')!;
    person({ profession: 'social_worker', team: anchor.team, service: anchor.service, managerId: anchor.aadObjectId, careerStage: 'experienced', jobTitle: 'social worker' });
  }
  return people.slice(0, size);
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toRosterCsv(records: readonly HrRecord[]): string {
  const rows = records.map((r) => [
    r.aadObjectId, r.email, r.displayName, r.jobTitle, r.profession, r.team, r.service, r.managerId ?? '', r.careerStage,
    r.startDate ?? '', r.registrationBody, r.registrationNumber, r.roles.join(';'),
  ].map(csvField).join(','));
  return `${ROSTER_COLUMNS.join(',')}\n${rows.join('\n')}\n`;
}
