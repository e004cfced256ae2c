// The messaging endpoint on the Teams SDK path: the same size and shape checks as botbuilder's
// (../activityIn.ts), Weave's own token check, then the SDK's activity processing through the
// Functions adapter. What the SDK would not know to refuse is answered here first.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { IToken } from '@microsoft/teams.api';
import { httpStatusOf } from '../../../core/errors';
import { errorFields, type Logger } from '../../../core/log';
import { readActivity, refuse } from '../activityIn';
import type { BotFrameworkTokens } from './botFrameworkToken';
import type { FunctionsAdapter } from './functionsAdapter';

/** Local mode only (no app id): the caller is taken as the Bot Framework service, unchecked. */
const unchecked = (serviceUrl: string): IToken => ({ appId: '', from: 'azure', fromId: '', serviceUrl, isExpired: () => false });

export function sdkMessagesHandler(adapter: FunctionsAdapter, tokens: BotFrameworkTokens | null, log: Logger) {
  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const read = await readActivity(request);
    if ('refusal' in read) return read.refusal;
    const { activity } = read;

    let token: IToken;
    try {
      token = tokens ? await tokens.verify(request.headers.get('authorization'), activity) : unchecked(activity.serviceUrl);
    } catch (err) {
      if (httpStatusOf(err) === 503) {
        log.warn('activity.credentials_uncheckable', { activityType: activity.type });
        return refuse(503, 'Weave could not check this activity\'s credentials just now; try again');
      }
      log.warn('activity.unauthenticated', { activityType: activity.type });
      return refuse(401, 'Unauthorized');
    }

    // Weave offers only Action.Execute among invokes, and does nothing with edited or deleted messages.
    if (activity.type === 'invoke' && activity.name !== 'adaptiveCard/action') return refuse(400, 'Weave does not offer this invoke');
    if (activity.type === 'messageUpdate' || activity.type === 'messageDelete') return { status: 200 };

    try {
      const res = await adapter.handle({ body: activity, headers: {}, token });
      if (res.status >= 500) log.error('activity.failed', { activityType: activity.type, status: res.status });
      return res.body === undefined || res.body === null ? { status: res.status } : { status: res.status, jsonBody: res.body };
    } catch (err) {
      log.error('activity.failed', { ...errorFields(err), activityType: activity.type });
      return refuse(500, 'Weave could not handle this activity');
    }
  };
}
