import { describe, expect, it } from 'vitest';
import { parseRoster, ROSTER_COLUMNS } from '../../core/roster';

const HEADER = ROSTER_COLUMNS.join(',');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
function row(n: number, overrides: Partial<Record<(typeof ROSTER_COLUMNS)[number], string>> = {}): string {
  const base: Record<string, string> = {
    aad_object_id: id(n), email: `person${n}@example.org`, display_name: `Person ${n}`, job_title: 'Social Worker',
    profession: 'social_worker', team: 'PaCT', service: "Children's Social Care", manager_aad_object_id: n === 1 ? '' : id(1),
    career_stage: 'experienced', start_date: '2024-01-15', registration_body: 'SWE', registration_number: `SW${n}`, roles: 'practitioner',
  };
  return ROSTER_COLUMNS.map((c) => {
    const v = overrides[c] ?? base[c]!;
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('the HR roster file', () => {
  it('reads a good file, normalising codes, emails and ids', () => {
    const result = parseRoster(`\uFEFF${file(row(1, { roles: 'manager; practitioner' }), row(2, { email: 'Person2@Example.ORG', aad_object_id: id(2).toUpperCase(), profession: 'Social_Worker' }))}\n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.records).toHaveLength(2);
    expect(result.records[0]).toMatchObject({ roles: ['practitioner', 'manager'], registrationBody: 'swe', managerId: null });
    expect(result.records[1]).toMatchObject({ email: 'person2@example.org', aadObjectId: id(2), profession: 'social_worker', managerId: id(1) });
  });

  it('lists every bad row with its line number and reason', () => {
    const result = parseRoster(file(
      row(1),
      row(2, { aad_object_id: 'not-a-guid' }),
      row(3, { email: 'nope' }),
      row(4, { profession: 'wizard', career_stage: 'ancient' }),
      row(5, { start_date: '2026-02-30' }),
      row(6, { roles: 'practitioner;overlord' }),
      row(7, { manager_aad_object_id: id(99) }),
      row(8, { email: 'person1@example.org' }),
      row(9, { aad_object_id: id(7) }),
      row(10, { display_name: '' }),
    ));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'aad_object_id is not a GUID'],
      [4, 'email is not a valid email address'],
      [5, 'profession "wizard" is not a profession code (use one of: social_worker, social_care_practitioner, teacher, early_years_practitioner, educational_psychologist, early_help_worker, family_support_worker, youth_justice_worker, education_welfare_officer, sen_officer, health_visitor, school_nurse, manager, business_support); career_stage "ancient" is not a career stage code (use one of: early_career, experienced, senior, manager)'],
      [6, 'start_date is not an ISO 8601 date (YYYY-MM-DD)'],
      [7, 'roles has unknown role "overlord" (use practitioner, manager, ld_admin, separated by ";")'],
      [8, `manager_aad_object_id ${id(99)} is not a person in this file`],
      [9, 'email person1@example.org is already used on line 2'],
      [10, `aad_object_id ${id(7)} is already used on line 8`],
      [11, 'display_name is required'],
    ]);
  });

  it('reports duplicate ids against the first line that used them', () => {
    const result = parseRoster(file(row(1), row(2), row(3, { aad_object_id: id(2) })));
    expect(!result.ok && result.errors).toEqual([{ line: 4, message: `aad_object_id ${id(2)} is already used on line 3` }]);
  });

  it('finds loops in the management chain, including someone managing themself', () => {
    const result = parseRoster(file(
      row(1),
      row(2, { manager_aad_object_id: id(3) }),
      row(3, { manager_aad_object_id: id(4) }),
      row(4, { manager_aad_object_id: id(2) }),
      row(5, { manager_aad_object_id: id(5) }),
    ));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(result.errors[0]!.message).toBe('manager chain loops back to this person (lines 3 → 4 → 5 → 3)');
    expect(result.errors[3]!.message).toBe('manager_aad_object_id is the person themself');
  });

  it('counts lines correctly across quoted fields that hold line breaks', () => {
    const result = parseRoster(file(row(1, { job_title: 'Senior Practitioner,\nSafeguarding' }), row(2, { email: 'bad' })));
    expect(!result.ok && result.errors).toEqual([{ line: 4, message: 'email is not a valid email address' }]);
  });

  it('refuses files it cannot read as a roster, saying why', () => {
    const missing = parseRoster('aad_object_id,email\n');
    expect(!missing.ok && missing.errors[0]!.message).toMatch(/^header is missing columns: display_name, job_title/);
    expect(parseRoster('')).toMatchObject({ ok: false, errors: [{ line: 1, message: 'file is empty: expected a header row' }] });
    expect(parseRoster(HEADER)).toMatchObject({ ok: false, errors: [{ line: 1, message: 'file has a header but no people' }] });
    const unclosed = parseRoster(`${HEADER}\n${row(1)}\n"unclosed,quote`);
    expect(!unclosed.ok && unclosed.errors[0]!.message).toMatch(/is not valid CSV/);
    const short = parseRoster(`${HEADER}\na,b,c`);
    expect(!short.ok && short.errors[0]).toEqual({ line: 2, message: 'has 3 fields; the header has 13' });
    const control = parseRoster(file(row(1, { display_name: 'Bell\u0007Name' })));
    expect(!control.ok && control.errors[0]!.message).toBe('display_name contains control characters');
  });

  it('accepts columns in any order, ignores extra ones with a warning', () => {
    const cols = [...ROSTER_COLUMNS].reverse();
    const values = row(1).split(',').reverse();
    const result = parseRoster(`${[...cols, 'payroll_number'].join(',')}\n${[...values, '12345'].join(',')}`);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ line: 1, message: 'ignored unknown column: payroll_number' }]);
  });

  it('warns, without refusing, about registration that does not fit the profession', () => {
    const result = parseRoster(file(row(1, { registration_body: '', registration_number: '' }), row(2, { profession: 'teacher', registration_body: 'hcpc', registration_number: '' })));
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.line)).toEqual([2, 3]);
    expect(result.warnings[0]!.message).toBe('Social worker is usually registered with Social Work England, not "none"');
  });

  it("accepts a teacher's TRN from the Teaching Regulation Agency, and warns when it is not 7 digits", () => {
    const result = parseRoster(file(
      row(1),
      row(2, { profession: 'teacher', job_title: 'Advisory Teacher', registration_body: 'TRA', registration_number: '1234567' }),
      row(3, { profession: 'teacher', job_title: 'SEN Teacher', registration_body: 'tra', registration_number: '12/34567' }),
      row(4, { profession: 'teacher', job_title: 'SEN Teacher', registration_body: 'tra', registration_number: 'SW4' }),
    ));
    expect(result.ok).toBe(true);
    expect(result.ok && result.records.map((r) => r.registrationBody)).toEqual(['swe', 'tra', 'tra', 'tra']);
    expect(result.warnings).toEqual([{ line: 5, message: 'a teacher reference number (TRN) from the Teaching Regulation Agency is 7 digits, not "SW4"' }]);
  });

  it('reads the optional qualification columns, all four together, a level with its title', () => {
    const cols = 'qualification_level,qualification_title,qualification_awarded,qualification_professional';
    const withQ = (...rows: [string, string][]) => [`${HEADER},${cols}`, ...rows.map(([r, q]) => `${r},${q}`)].join('\n');
    const result = parseRoster(withQ([row(1), '6,BA (Hons) Social Work,2015-07-01,yes'], [row(2), ',,,'], [row(3), '3,Early Years Educator diploma,,no']));
    expect(result.ok).toBe(true);
    expect(result.ok && result.records.map((r) => r.qualification)).toEqual([
      { level: 6, title: 'BA (Hons) Social Work', awardedOn: '2015-07-01', professional: true },
      null,
      { level: 3, title: 'Early Years Educator diploma', awardedOn: null, professional: false },
    ]);
    // Without the columns, nothing is said (imports leave qualifications alone).
    expect(parseRoster(file(row(1))).ok && (parseRoster(file(row(1))) as { records: { qualification?: unknown }[] }).records[0]!.qualification).toBeUndefined();
    const bad = parseRoster(withQ([row(1), '9,PhD,2015-07-01,yes'], [row(2), '6,,,'], [row(3), '5,Foundation degree,last year,maybe']));
    expect(!bad.ok && bad.errors).toEqual([
      { line: 2, message: 'qualification_level is not an RQF level from 2 to 8' },
      { line: 3, message: 'qualification_level and qualification_title go together: give both, or neither' },
      { line: 4, message: 'qualification_awarded is not an ISO 8601 date (YYYY-MM-DD); qualification_professional is not yes or no' },
    ]);
    const half = parseRoster([`${HEADER},qualification_level`, `${row(1)},6`].join('\n'));
    expect(!half.ok && half.errors[0]!.message).toBe('header has qualification_level but not qualification_title, qualification_awarded, qualification_professional: the qualification columns go together');
  });

  it('keeps names with apostrophes, accents and emoji as written', () => {
    const result = parseRoster(file(row(1, { display_name: "Siobhán O'Neill 🌈", team: 'Early Help 5–19' })));
    expect(result.ok && result.records[0]).toMatchObject({ displayName: "Siobhán O'Neill 🌈", team: 'Early Help 5–19' });
  });
});

describe('roster files as spreadsheets save them', () => {
  it('counts lines right in a CRLF file with a line break inside a cell', () => {
    const crlf = [HEADER, row(1, { job_title: 'Senior Practitioner,\r\nSafeguarding' }), row(2), row(3, { email: 'bad' })].join('\r\n');
    const result = parseRoster(crlf);
    expect(!result.ok && result.errors).toEqual([{ line: 5, message: 'email is not a valid email address' }]);
  });

  it('ignores the rows of bare commas Excel leaves at the end', () => {
    const result = parseRoster(`${file(row(1), row(2))}\n,,,,,,,,,,,,\n,,,,,,,,,,,,\n`);
    expect(result.ok && result.records).toHaveLength(2);
  });

  it('refuses a file that is not UTF-8, saying how to save it', async () => {
    const { decodeRosterFile } = await import('../../core/roster');
    const windows1252 = Buffer.from([...Buffer.from('display_name\nZo'), 0xeb, 0x0a]);
    expect(decodeRosterFile(windows1252)).toEqual({ error: { line: 1, message: 'is not UTF-8 text: in Excel, save it as "CSV UTF-8 (Comma delimited)"' } });
    expect(decodeRosterFile(Buffer.from('display_name\nZoë\n'))).toEqual({ text: 'display_name\nZoë\n' });
  });
});

describe('cells spreadsheets wrap', () => {
  it('keeps a job title that wraps onto two lines as one line', () => {
    const result = parseRoster(file(row(1, { job_title: 'Senior Practitioner,\nSafeguarding' })));
    expect(result.ok && result.records[0]!.jobTitle).toBe('Senior Practitioner, Safeguarding');
  });
});
