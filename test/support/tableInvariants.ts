// What Weave's tables must hold after any input: rows only for this tenant and people it knows,
// cards whole, and learning needs and CPD records as the card schemas let them through (the stores
// parse rows without checking them, so these are the checks).
import { partitionOf } from '../../store/shards';
import { z } from 'zod';
import { FLOWS } from '../../bot/flows';
import { ACTIVITY_TYPE_CODES } from '../../core/activities';
import { CODES } from '../../core/commonCore';
import { REFLECTION_MODEL_CODES } from '../../core/cpd';
import { NEED_SOURCES, NEED_STATUSES, PRIORITIES } from '../../core/needs';
import { CONTROL_CHARS, isGuid, isIsoDate } from '../../core/validation';
import { PROFESSION_CODES } from '../../core/workforce';
import type { Runtime } from '../../runtime/runtime';
import { TABLES, type TableName } from '../../store/tables';

const isoDate = z.string().refine(isIsoDate, 'not a YYYY-MM-DD date');
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'not an ISO instant');
/** Words a person typed: trimmed, within the card's limit, no control characters but line breaks. */
const words = (max: number, min = 0) => z.string().min(min).max(max)
  .refine((s) => s === s.trim(), 'not trimmed')
  .refine((s) => !CONTROL_CHARS.test(s.replace(/[\r\n\t]/g, '')), 'holds control characters');
const guid = z.string().refine(isGuid, 'not a GUID');

export const storedNeed = z.strictObject({
  tenantId: guid,
  personId: guid,
  needId: guid,
  codes: z.array(z.enum(CODES)).min(1),
  frameworkTag: z.string().max(200).nullable(),
  description: words(1000, 1),
  activityTypes: z.array(z.enum(ACTIVITY_TYPE_CODES)),
  priority: z.enum(PRIORITIES),
  status: z.enum(NEED_STATUSES),
  source: z.enum(NEED_SOURCES),
  sourceRef: z.string(),
  targetDate: isoDate.nullable(),
  period: isoDate,
  plan: z.strictObject({ activityType: z.enum(ACTIVITY_TYPE_CODES), note: words(300), date: isoDate.nullable() }).nullable(),
  dropReason: words(300, 1).nullable(),
  comments: z.array(z.strictObject({ byId: guid, byName: z.string().min(1), at: instant, text: words(500, 1) })).max(40),
  history: z.array(z.strictObject({ period: isoDate, status: z.enum(NEED_STATUSES), at: instant })),
  createdAt: instant,
  updatedAt: instant,
  etag: z.string().min(1),
}).refine((n) => (n.status === 'dropped') === (n.dropReason !== null), 'a dropped need has a reason, and only a dropped one')
  .refine((n) => n.createdAt <= n.updatedAt, 'updated before it was created');

export const storedCpdRecord = z.strictObject({
  tenantId: guid,
  personId: guid,
  recordId: guid,
  activityType: z.enum(ACTIVITY_TYPE_CODES),
  title: words(150, 1),
  date: isoDate,
  hours: z.number().min(0.25).max(200),
  participatoryHours: z.number().min(0).max(200),
  codes: z.array(z.enum(CODES)).min(1),
  needIds: z.array(z.string().max(100)).max(20),
  reflectionModel: z.enum(REFLECTION_MODEL_CODES),
  reflection: z.record(z.string(), words(2000)),
  impactPractice: words(1000),
  impactPeople: words(1000),
  peer: z.strictObject({ name: words(100, 1), profession: z.enum([...PROFESSION_CODES, 'other']) }).nullable(),
  peerReflection: words(2000),
  includesFeedback: z.boolean(),
  reflectiveDiscussion: z.boolean(),
  createdAt: instant,
}).refine((r) => r.participatoryHours <= r.hours, 'more hours with others than in all')
  .refine((r) => (r.peer === null) === (r.peerReflection === ''), 'a peer without a reflection, or a reflection without a peer');

/** The problems with a record, one line each; empty when it is whole. */
export function problemsOf(schema: z.ZodType, record: unknown): string[] {
  const parsed = schema.safeParse(record);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);
}

type Row = Record<string, unknown>;

const TENANT_PARTITIONED: readonly TableName[] = [
  TABLES.people, TABLES.conversations, TABLES.teams, TABLES.imports, TABLES.needs, TABLES.schedules, TABLES.sessions, TABLES.cpd, TABLES.mentors,
  TABLES.mentorRequests, TABLES.mentorMatches, TABLES.triggers, TABLES.teamPlans, TABLES.digestLinks, TABLES.offers, TABLES.rateLimits,
];
/** Columns that name a person, in any table. */
const PERSON_COLUMNS = ['personId', 'recipientId', 'mentorId', 'menteeId', 'createdBy', 'managerId', 'supervisorId', 'byId', 'confirmedBy', 'linkedBy'];

async function readAll(rt: Runtime): Promise<Map<TableName, Row[]>> {
  const tables = new Map<TableName, Row[]>();
  for (const table of Object.values(TABLES)) {
    const rows: Row[] = [];
    for await (const row of rt.tables.client(table).listEntities<Row>()) rows.push(row);
    tables.set(table, rows);
  }
  return tables;
}

function peopleProblems(people: readonly Row[], seeded: ReadonlySet<string>): string[] {
  // Someone not on the roster joins only by completing onboarding: pending, naming a rostered manager.
  return people
    .filter((p) => !seeded.has(p.rowKey as string) && !(p.source === 'self' && p.status === 'pending' && seeded.has(p.managerId as string)))
    .map((p) => `people ${String(p.rowKey)}: nobody seeded or onboarded`);
}

function rowProblems(table: TableName, row: Row, who: { tenantId: string; foreign: readonly string[] }, people: ReadonlySet<string>): string[] {
  const where = `${table} ${String(row.partitionKey)}/${String(row.rowKey)}`;
  const problems: string[] = [];
  if (TENANT_PARTITIONED.includes(table) && partitionOf(String(row.partitionKey)) !== who.tenantId) problems.push(`${where}: another tenant's partition`);
  if ('tenantId' in row && row.tenantId !== who.tenantId) problems.push(`${where}: tenantId ${String(row.tenantId)}`);
  const json = JSON.stringify(row);
  if (who.foreign.some((id) => json.includes(id))) problems.push(`${where}: mentions someone from another tenant`);
  // An onboarding card is the one row made for someone Weave does not know yet.
  const mayBeUnknown = table === TABLES.cards && row.kind === 'onboarding';
  for (const column of PERSON_COLUMNS) {
    const id = row[column];
    if (typeof id === 'string' && id && !people.has(id) && !mayBeUnknown) problems.push(`${where}: ${column} ${id} is nobody Weave knows`);
  }
  return problems;
}

function cardProblems(card: Row): string[] {
  const where = `cards ${String(card.partitionKey)}`;
  const problems: string[] = [];
  if (card.state !== 'open' && card.state !== 'done') problems.push(`${where}: state ${String(card.state)}`);
  if (!FLOWS.some((f) => f.kind === card.kind)) problems.push(`${where}: kind ${String(card.kind)}`);
  try {
    const context = JSON.parse(card.context as string) as unknown;
    if (typeof context !== 'object' || context === null || Array.isArray(context)) problems.push(`${where}: context is not an object`);
  } catch {
    problems.push(`${where}: context is not JSON`);
  }
  return problems;
}

function conversationProblems(row: Row, tenantId: string): string[] {
  const ref = JSON.parse(row.ref as string) as { tenantId?: string; conversationKind?: string };
  const where = `conversations ${String(row.rowKey)}`;
  return [
    ...(ref.tenantId !== tenantId || ref.conversationKind !== 'personal' ? [`${where}: ref ${row.ref as string}`] : []),
    ...(isGuid(row.rowKey as string) ? [] : [`${where}: not an Entra object id`]),
  ];
}

/**
 * Everything wrong in every table of a stack: `seeded` are the people on the roster; `foreign` ids
 * (people and tenants from elsewhere) must appear nowhere. Also counts the needs read.
 */
export async function tableProblems(rt: Runtime, who: { tenantId: string; seeded: readonly string[]; foreign: readonly string[] }): Promise<{ problems: string[]; needs: number }> {
  const tables = await readAll(rt);
  const people = new Set(tables.get(TABLES.people)!.map((p) => p.rowKey as string));
  const problems = peopleProblems(tables.get(TABLES.people)!, new Set(who.seeded));
  for (const [table, rows] of tables) for (const row of rows) problems.push(...rowProblems(table, row, who, people));
  for (const card of tables.get(TABLES.cards)!) problems.push(...cardProblems(card));
  for (const row of tables.get(TABLES.conversations)!) problems.push(...conversationProblems(row, who.tenantId));

  const needs = await rt.needs.listAll(who.tenantId);
  for (const n of needs) {
    if (!people.has(n.personId)) problems.push(`need ${n.needId}: belongs to nobody Weave knows`);
    problems.push(...problemsOf(storedNeed, n).map((p) => `need ${n.needId}: ${p}`));
  }
  for (const r of await rt.cpd.listAll(who.tenantId)) {
    if (!people.has(r.personId)) problems.push(`cpd ${r.recordId}: belongs to nobody Weave knows`);
    problems.push(...problemsOf(storedCpdRecord, r).map((p) => `cpd ${r.recordId}: ${p}`));
  }
  return { problems, needs: needs.length };
}
