// The messaging endpoint: an Azure Functions HTTP request turned into a Bot Framework turn, and
// the turn's invoke response (Action.Execute needs it) returned as the HTTP response.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Activity } from 'botbuilder';
import { httpStatusOf } from '../../core/errors';
import { errorFields, type Logger } from '../../core/log';
import type { WeaveAdapter } from './adapter';
import type { TeamsBot } from './teamsBot';

/** Teams activities are a few KB; a card submit with long reflections stays well under this. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

const refuse = (status: number, error: string): HttpResponseInit => ({ status, jsonBody: { error } });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;
const textOrAbsent = (o: Record<string, unknown>, keys: readonly string[]) => keys.every((k) => absent(o[k]) || typeof o[k] === 'string');
const ACCOUNT_TEXT = ['id', 'name', 'aadObjectId', 'role'] as const;

/**
 * An http(s) address to send replies to, a conversation to send them into, and the fields a reply
 * copies from the activity of the types botbuilder's serializer insists on (it throws mid-turn otherwise).
 */
function canBeAnswered(a: Record<string, unknown>): boolean {
  const { serviceUrl, conversation, from, recipient } = a;
  if (typeof serviceUrl !== 'string' || !URL.canParse(serviceUrl) || !/^https?:$/.test(new URL(serviceUrl).protocol)) return false;
  if (!isRecord(conversation) || typeof conversation.id !== 'string') return false;
  if (!textOrAbsent(conversation, [...ACCOUNT_TEXT, 'conversationType', 'tenantId']) || !(absent(conversation.isGroup) || typeof conversation.isGroup === 'boolean')) return false;
  if (![from, recipient].every((account) => absent(account) || (isRecord(account) && textOrAbsent(account, ACCOUNT_TEXT)))) return false;
  return textOrAbsent(a, ['id', 'channelId', 'locale', 'replyToId']);
}

/** What botbuilder's own request validation does (a type is required; timestamps become Dates), and somewhere to reply. */
function asActivity(body: unknown): Activity | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const activity = body as Activity & Record<string, unknown>;
  if (typeof activity.type !== 'string' || !activity.type || !canBeAnswered(activity)) return undefined;
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value = activity[field] as unknown;
    if (typeof value === 'string') {
      (activity as Record<string, unknown>)[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = value;
      (activity as Record<string, unknown>)[field] = new Date(value);
    }
  }
  return activity;
}

export function messagesHandler(adapter: WeaveAdapter, bot: TeamsBot, log: Logger) {
  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > MAX_ACTIVITY_BYTES) return refuse(413, `Activity larger than ${MAX_ACTIVITY_BYTES} bytes`);
    const raw = await request.text();
    if (Buffer.byteLength(raw, 'utf8') > MAX_ACTIVITY_BYTES) return refuse(413, `Activity larger than ${MAX_ACTIVITY_BYTES} bytes`);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return refuse(400, 'Body must be a JSON Bot Framework activity');
    }
    const activity = asActivity(body);
    if (!activity) return refuse(400, 'Body must be a JSON Bot Framework activity with a type, a serviceUrl and a conversation');

    try {
      const invoke = await adapter.handleActivity(request.headers.get('authorization') ?? '', activity, (context) => bot.run(context));
      if (!invoke) return { status: 200 };
      return invoke.body === undefined ? { status: invoke.status } : { status: invoke.status, jsonBody: invoke.body as unknown };
    } catch (err) {
      const status = httpStatusOf(err);
      if (status === 401 || status === 403 || (err as Error).name === 'AuthenticationError') {
        log.warn('activity.unauthenticated', { activityType: activity.type });
        return refuse(401, 'Unauthorized');
      }
      if (status === 503) {
        log.warn('activity.credentials_uncheckable', { activityType: activity.type });
        return refuse(503, 'Weave could not check this activity\'s credentials just now; try again');
      }
      // The turn's own errors are handled in it (onTurnError); this is the adapter failing.
      log.error('activity.failed', { ...errorFields(err), activityType: activity.type });
      return refuse(500, 'Weave could not handle this activity');
    }
  };
}
