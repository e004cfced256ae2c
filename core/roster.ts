// The HR roster file: parsing and every check that decides whether an import may write anything.
// Pure: text in, records or line-numbered problems out.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { HrRecord } from './people';
import type { RqfLevel } from './qualifications';
import {
  CAREER_STAGE_CODES, PROFESSION_CODES, REGISTRATION_BODY_CODES, ROLE_CODES, USUAL_REGISTRATION,
  professionLabel, registrationLabel, type RegistrationBody, type Role,
} from './workforce';
import { CONTROL_CHARS, isIsoDate, isGuid } from './validation';

export const ROSTER_COLUMNS = [
  'aad_object_id', 'email', 'display_name', 'job_title', 'profession', 'team', 'service',
  'manager_aad_object_id', 'career_stage', 'start_date', 'registration_body', 'registration_number', 'roles',
] as const;
/** Columns a roster may have; when one is missing, what it would say is left as it is. */
export const OPTIONAL_ROSTER_COLUMNS = [
  'supervisor_aad_object_id', 'qualification_level', 'qualification_title', 'qualification_awarded', 'qualification_professional',
] as const;
/** Together: the person's highest (or professional) qualification. All four, or none. */
export const QUALIFICATION_COLUMNS = ['qualification_level', 'qualification_title', 'qualification_awarded', 'qualification_professional'] as const;
type RosterColumn = (typeof ROSTER_COLUMNS)[number] | (typeof OPTIONAL_ROSTER_COLUMNS)[number];

export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;
export const MAX_ROSTER_ROWS = 100_000;

export interface RosterIssue {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  message: string;
}

export type RosterParseResult =
  | { ok: true; records: HrRecord[]; warnings: RosterIssue[] }
  | { ok: false; errors: RosterIssue[]; warnings: RosterIssue[] };

// Names and titles may hold any printable text (apostrophes, accents, emoji); control characters never.
// Line breaks and runs of spaces inside a cell (spreadsheets keep them) become single spaces.
const text = (max: number) =>
  z.string()
    .refine((s) => !CONTROL_CHARS.test(s), 'contains control characters')
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .refine((s) => s.length <= max, `longer than ${max} characters`);
const required = (max: number) => text(max).refine((s) => s.length > 0, 'is required');
const codeOf = <T extends string>(codes: readonly [T, ...T[]], what: string) =>
  z.string().transform((s) => s.trim().toLowerCase()).pipe(
    z.enum(codes, { error: (issue) => `"${String(issue.input)}" is not a ${what} (use one of: ${codes.join(', ')})` }),
  );

const rowSchema = z.object({
  aad_object_id: z.string().refine(isGuid, 'is not a GUID').transform((s) => s.toLowerCase()),
  email: z.email('is not a valid email address').max(254, 'longer than 254 characters').transform((s) => s.toLowerCase()),
  display_name: required(200),
  job_title: required(200),
  profession: codeOf(PROFESSION_CODES, 'profession code'),
  team: required(100),
  service: text(100),
  manager_aad_object_id: z.string().refine((s) => s === '' || isGuid(s), 'is not a GUID').transform((s) => (s ? s.toLowerCase() : null)),
  career_stage: codeOf(CAREER_STAGE_CODES, 'career stage code'),
  start_date: z.string().refine((s) => s === '' || isIsoDate(s), 'is not an ISO 8601 date (YYYY-MM-DD)').transform((s) => s || null),
  registration_body: z.string().transform((s) => s.trim().toLowerCase() || 'none').pipe(
    z.enum(REGISTRATION_BODY_CODES, { error: (issue) => `"${String(issue.input)}" is not a registration body (use one of: ${REGISTRATION_BODY_CODES.join(', ')}, or leave empty)` }),
  ),
  registration_number: text(50).refine((s) => /^[A-Za-z0-9 /-]*$/.test(s), 'may hold only letters, digits, spaces, "/" and "-"'),
  qualification_level: z.string().optional().refine((s) => !s || /^[2-8]$/.test(s.trim()), 'is not an RQF level from 2 to 8'),
  qualification_title: text(200).optional(),
  qualification_awarded: z.string().optional().refine((s) => !s || isIsoDate(s), 'is not an ISO 8601 date (YYYY-MM-DD)'),
  qualification_professional: z.string().optional().transform((s) => s?.trim().toLowerCase() ?? '').refine((s) => ['', 'yes', 'no', 'true', 'false', 'y', 'n'].includes(s), 'is not yes or no'),
  supervisor_aad_object_id: z.string().optional().refine((s) => !s || isGuid(s), 'is not a GUID').transform((s) => (s === undefined ? undefined : s ? s.toLowerCase() : null)),
  roles: z.string().transform((s, ctx) => {
    const parts = s.split(';').map((p) => p.trim().toLowerCase()).filter(Boolean);
    const unknown = parts.filter((p) => !(ROLE_CODES as string[]).includes(p));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `has unknown role ${unknown.map((u) => `"${u}"`).join(', ')} (use ${ROLE_CODES.join(', ')}, separated by ";")` });
      return z.NEVER;
    }
    const roles = new Set<Role>(parts as Role[]);
    roles.add('practitioner'); // everyone keeps a plan, including managers and L&D admins
    return ROLE_CODES.filter((r) => roles.has(r));
  }),
});

interface ParsedRow {
  line: number;
  cells: Record<RosterColumn, string>;
}

export function parseRoster(fileText: string): RosterParseResult {
  const warnings: RosterIssue[] = [];
  if (Buffer.byteLength(fileText, 'utf8') > MAX_ROSTER_BYTES) {
    return { ok: false, errors: [{ line: 1, message: `file is larger than ${MAX_ROSTER_BYTES / 1024 / 1024} MB` }], warnings };
  }
  const table = readCsv(fileText);
  if ('error' in table) return { ok: false, errors: [table.error], warnings };
  const [header, ...rows] = table.rows;
  if (!header) return { ok: false, errors: [{ line: 1, message: 'file is empty: expected a header row' }], warnings };

  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const missing = ROSTER_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return { ok: false, errors: [{ line: 1, message: `header is missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` }], warnings };
  }
  const duplicated = columns.filter((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (duplicated.length > 0) {
    return { ok: false, errors: [{ line: 1, message: `header repeats column${duplicated.length > 1 ? 's' : ''}: ${[...new Set(duplicated)].join(', ')}` }], warnings };
  }
  const known: readonly string[] = [...ROSTER_COLUMNS, ...OPTIONAL_ROSTER_COLUMNS];
  const someQualification = QUALIFICATION_COLUMNS.filter((c) => columns.includes(c));
  if (someQualification.length > 0 && someQualification.length < QUALIFICATION_COLUMNS.length) {
    return { ok: false, errors: [{ line: 1, message: `header has ${someQualification.join(', ')} but not ${QUALIFICATION_COLUMNS.filter((c) => !columns.includes(c)).join(', ')}: the qualification columns go together` }], warnings };
  }
  const extra = columns.filter((c) => !known.includes(c));
  if (extra.length > 0) warnings.push({ line: 1, message: `ignored unknown column${extra.length > 1 ? 's' : ''}: ${extra.join(', ')}` });
  if (rows.length === 0) return { ok: false, errors: [{ line: 1, message: 'file has a header but no people' }], warnings };
  if (rows.length > MAX_ROSTER_ROWS) {
    return { ok: false, errors: [{ line: 1, message: `file has ${rows.length} rows; the limit is ${MAX_ROSTER_ROWS}` }], warnings };
  }

  const errors: RosterIssue[] = [];
  const parsed: { line: number; record: HrRecord }[] = [];
  const rejectedIds = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.length !== columns.length) {
      errors.push({ line: row.line, message: `has ${row.cells.length} fields; the header has ${columns.length}` });
      continue;
    }
    const cells = Object.fromEntries([
      ...ROSTER_COLUMNS.map((c) => [c, (row.cells[columns.indexOf(c)] ?? '').trim()]),
      ...OPTIONAL_ROSTER_COLUMNS.filter((c) => columns.includes(c)).map((c) => [c, (row.cells[columns.indexOf(c)] ?? '').trim()]),
    ]) as ParsedRow['cells'];
    const result = rowSchema.safeParse(cells);
    if (!result.success) {
      const reasons = result.error.issues.map((i) => `${String(i.path[0] ?? 'row')} ${i.message}`);
      errors.push({ line: row.line, message: reasons.join('; ') });
      if (isGuid(cells.aad_object_id)) rejectedIds.set(cells.aad_object_id.toLowerCase(), row.line);
      continue;
    }
    const r = result.data;
    if (QUALIFICATION_COLUMNS.every((c) => columns.includes(c)) && (!!r.qualification_level !== !!r.qualification_title)) {
      errors.push({ line: row.line, message: 'qualification_level and qualification_title go together: give both, or neither' });
      continue;
    }
    parsed.push({
      line: row.line,
      record: {
        aadObjectId: r.aad_object_id, email: r.email, displayName: r.display_name, jobTitle: r.job_title,
        profession: r.profession, team: r.team, service: r.service, managerId: r.manager_aad_object_id,
        careerStage: r.career_stage, startDate: r.start_date, registrationBody: r.registration_body,
        registrationNumber: r.registration_number, roles: r.roles,
        ...(r.supervisor_aad_object_id !== undefined ? { supervisorId: r.supervisor_aad_object_id } : {}),
        ...(QUALIFICATION_COLUMNS.every((c) => columns.includes(c))
          ? { qualification: r.qualification_level && r.qualification_title
              ? { level: Number(r.qualification_level) as RqfLevel, title: r.qualification_title, awardedOn: r.qualification_awarded || null, professional: ['yes', 'true', 'y'].includes(r.qualification_professional) }
              : null }
          : {}),
      },
    });
  }

  errors.push(...crossRowErrors(parsed, rejectedIds));
  warnings.push(...registrationWarnings(parsed));
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line), warnings };
  return { ok: true, records: parsed.map((p) => p.record), warnings };
}

/** The file's bytes as text: UTF-8 only, so a Windows-1252 export cannot quietly turn "Zoë" into "Zo�". */
export function decodeRosterFile(bytes: Uint8Array): { text: string } | { error: RosterIssue } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: { line: 1, message: 'is not UTF-8 text: in Excel, save it as "CSV UTF-8 (Comma delimited)"' } };
  }
}

function readCsv(fileText: string): { rows: { line: number; cells: string[] }[] } | { error: RosterIssue } {
  try {
    // One kind of line break, so a quoted CRLF counts as one line when working out where a row starts.
    const out = parse(fileText.replace(/\r\n?/g, '\n'), { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    // info.lines is the line a record ends on; fields with quoted newlines start earlier.
    return {
      rows: out
        .filter(({ record }) => record.some((cell) => cell.trim() !== '')) // Excel leaves rows of bare commas
        .map(({ record, info }) => ({
          line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
          cells: record,
        })),
    };
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return { error: { line: e.lines ?? 1, message: `is not valid CSV: ${e.message ?? 'unreadable'}` } };
  }
}

function crossRowErrors(rows: { line: number; record: HrRecord }[], rejectedIds: Map<string, number>): RosterIssue[] {
  const errors: RosterIssue[] = [];
  const byId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  for (const { line, record } of rows) {
    const firstId = byId.get(record.aadObjectId);
    if (firstId !== undefined) errors.push({ line, message: `aad_object_id ${record.aadObjectId} is already used on line ${firstId}` });
    else byId.set(record.aadObjectId, line);
    const firstEmail = byEmail.get(record.email);
    if (firstEmail !== undefined) errors.push({ line, message: `email ${record.email} is already used on line ${firstEmail}` });
    else byEmail.set(record.email, line);
  }

  const managerOf = new Map(rows.map(({ record }) => [record.aadObjectId, record.managerId]));
  for (const { line, record } of rows) {
    if (record.supervisorId && !managerOf.has(record.supervisorId)) {
      errors.push({ line, message: `supervisor_aad_object_id ${record.supervisorId} is not a person in this file` });
    } else if (record.supervisorId && record.supervisorId === record.aadObjectId) {
      errors.push({ line, message: 'supervisor_aad_object_id is the person themself' });
    }
    if (record.managerId && !managerOf.has(record.managerId)) {
      const rejectedOn = rejectedIds.get(record.managerId);
      errors.push({
        line,
        message: rejectedOn
          ? `manager_aad_object_id ${record.managerId} is the person on line ${rejectedOn}, which has errors`
          : `manager_aad_object_id ${record.managerId} is not a person in this file`,
      });
    }
  }

  // Each person has at most one manager, so a loop is found by walking up from each person.
  const inLoop = new Set<string>();
  for (const { record } of rows) {
    const seen: string[] = [];
    let current: string | null | undefined = record.aadObjectId;
    while (current && !seen.includes(current) && !inLoop.has(current)) {
      seen.push(current);
      current = managerOf.get(current);
    }
    if (current && seen.includes(current)) {
      for (const id of seen.slice(seen.indexOf(current))) inLoop.add(id);
    }
  }
  for (const { line, record } of rows) {
    if (inLoop.has(record.aadObjectId)) {
      errors.push({
        line,
        message: record.managerId === record.aadObjectId
          ? 'manager_aad_object_id is the person themself'
          : `manager chain loops back to this person (${describeLoop(record.aadObjectId, managerOf, byId)})`,
      });
    }
  }
  return errors;
}

function describeLoop(start: string, managerOf: Map<string, string | null>, lineOf: Map<string, number>): string {
  const lines: number[] = [];
  let current: string | null | undefined = start;
  do {
    lines.push(lineOf.get(current) ?? 0);
    current = managerOf.get(current);
  } while (current && current !== start && lines.length <= managerOf.size);
  return `lines ${[...lines, lines[0]].join(' → ')}`;
}

function registrationWarnings(rows: { line: number; record: HrRecord }[]): RosterIssue[] {
  const warnings: RosterIssue[] = [];
  for (const { line, record } of rows) {
    const usual: RegistrationBody | undefined = USUAL_REGISTRATION[record.profession];
    if (usual && record.registrationBody !== usual) {
      warnings.push({ line, message: `${professionLabel(record.profession)} is usually registered with ${registrationLabel(usual)}, not "${record.registrationBody}"` });
    }
    if (record.registrationBody !== 'none' && record.registrationNumber === '') {
      warnings.push({ line, message: `registered with ${registrationLabel(record.registrationBody)} but no registration_number` });
    } else if (record.registrationBody === 'tra' && !/^\d{7}$/.test(record.registrationNumber.replace(/[\s/-]/g, ''))) {
      warnings.push({ line, message: `a teacher reference number (TRN) from the Teaching Regulation Agency is 7 digits, not "${record.registrationNumber}"` });
    }
  }
  return warnings;
}
