// What both bot SDK seams do with a POST to the messaging endpoint before any SDK sees it: a size
// limit, JSON, and the shape of an activity Weave can answer (botbuilder's serializer throws
// mid-turn on fields of the wrong type; the Teams SDK casts the body without checking it).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

/** Teams activities are a few KB; a card submit with long reflections stays well under this. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

export const refuse = (status: number, error: string): HttpResponseInit => ({ status, jsonBody: { error } });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;
const textOrAbsent = (o: Record<string, unknown>, keys: readonly string[]) => keys.every((k) => absent(o[k]) || typeof o[k] === 'string');
const ACCOUNT_TEXT = ['id', 'name', 'aadObjectId', 'role'] as const;

/**
 * An http(s) address to send replies to, a conversation to send them into, and the fields a reply
 * copies from the activity of the types the SDKs expect.
 */
function canBeAnswered(a: Record<string, unknown>): boolean {
  const { serviceUrl, conversation, from, recipient } = a;
  if (typeof serviceUrl !== 'string' || !URL.canParse(serviceUrl) || !/^https?:$/.test(new URL(serviceUrl).protocol)) return false;
  if (!isRecord(conversation) || typeof conversation.id !== 'string') return false;
  if (!textOrAbsent(conversation, [...ACCOUNT_TEXT, 'conversationType', 'tenantId']) || !(absent(conversation.isGroup) || typeof conversation.isGroup === 'boolean')) return false;
  if (![from, recipient].every((account) => absent(account) || (isRecord(account) && textOrAbsent(account, ACCOUNT_TEXT)))) return false;
  if (!teamsFieldsOk(a.channelData)) return false;
  return textOrAbsent(a, ['id', 'channelId', 'locale', 'replyToId', 'type', 'name', 'text', 'action']);
}

/** Teams' channelData, if any: its team, channel and tenant are objects with text ids (a team id of `true` failed a turn). */
function teamsFieldsOk(channelData: unknown): boolean {
  if (absent(channelData)) return true;
  if (!isRecord(channelData)) return false;
  return (['team', 'channel', 'tenant'] as const).every((k) => absent(channelData[k]) || (isRecord(channelData[k]) && textOrAbsent(channelData[k], ['id', 'name', 'aadGroupId'])));
}

/** An activity, as JSON: a type, somewhere to reply and fields of the types Teams sends. */
export type RawActivity = Record<string, unknown> & { type: string; serviceUrl: string; conversation: Record<string, unknown> & { id: string } };

/** The request's activity, or the answer that refuses it (413 too large, 400 not an activity). */
export async function readActivity(request: HttpRequest): Promise<{ activity: RawActivity } | { refusal: HttpResponseInit }> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_ACTIVITY_BYTES) return { refusal: refuse(413, `Activity larger than ${MAX_ACTIVITY_BYTES} bytes`) };
  const raw = await request.text();
  if (Buffer.byteLength(raw, 'utf8') > MAX_ACTIVITY_BYTES) return { refusal: refuse(413, `Activity larger than ${MAX_ACTIVITY_BYTES} bytes`) };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { refusal: refuse(400, 'Body must be a JSON Bot Framework activity') };
  }
  if (!isRecord(body) || typeof body.type !== 'string' || !body.type || !canBeAnswered(body)) {
    return { refusal: refuse(400, 'Body must be a JSON Bot Framework activity with a type, a serviceUrl and a conversation') };
  }
  return { activity: body as RawActivity };
}
