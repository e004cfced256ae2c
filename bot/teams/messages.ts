// The messaging endpoint: an Azure Functions HTTP request turned into a Bot Framework turn, and
// the turn's invoke response (Action.Execute needs it) returned as the HTTP response.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Activity } from 'botbuilder';
import { httpStatusOf } from '../../core/errors';
import { errorFields, type Logger } from '../../core/log';
import type { WeaveAdapter } from './adapter';
import { readActivity, refuse, type RawActivity } from './activityIn';
import type { TeamsBot } from './teamsBot';

/** What botbuilder's own request validation does besides what readActivity checks: timestamps become Dates. */
function asActivity(body: RawActivity): Activity {
  const activity = body as unknown as Activity & Record<string, unknown>;
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
    const read = await readActivity(request);
    if ('refusal' in read) return read.refusal;
    const activity = asActivity(read.activity);

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
