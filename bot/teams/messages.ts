// The messaging endpoint: an Azure Functions HTTP request handed to botbuilder's CloudAdapter,
// whatever it sends back (including Action.Execute invoke bodies) returned as the HTTP response.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { CloudAdapter } from 'botbuilder';
import { errorFields, type Logger } from '../../core/log';
import type { TeamsBot } from './teamsBot';

/** Teams activities are a few KB; a card submit with long reflections stays well under this. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

/** The minimal response object CloudAdapter.process writes to, remembering what it was told. */
function captureResponse() {
  const captured: { status: number; body: unknown; headers: Record<string, string> } = { status: 200, body: undefined, headers: {} };
  const res = {
    socket: undefined,
    status: (code: number) => { captured.status = code; },
    header: (name: string, value: unknown) => { captured.headers[name] = String(value); },
    send: (body: unknown) => { captured.body = body; },
    end: () => {},
  };
  return { captured, res };
}

export function messagesHandler(adapter: CloudAdapter, bot: TeamsBot, log: Logger) {
  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const raw = await request.text();
    if (Buffer.byteLength(raw, 'utf8') > MAX_ACTIVITY_BYTES) {
      return { status: 413, jsonBody: { error: `Activity larger than ${MAX_ACTIVITY_BYTES} bytes` } };
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { status: 400, jsonBody: { error: 'Body must be a JSON Bot Framework activity' } };
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      return { status: 400, jsonBody: { error: 'Body must be a JSON Bot Framework activity with a type' } };
    }

    const { captured, res } = captureResponse();
    try {
      await adapter.process(
        { body: body as Record<string, unknown>, headers: Object.fromEntries(request.headers.entries()), method: request.method },
        res,
        (context) => bot.run(context),
      );
    } catch (err) {
      // CloudAdapter rejects activities it cannot parse by throwing; that is the sender's fault.
      log.warn('activity.rejected', errorFields(err));
      return { status: 400, jsonBody: { error: 'Not a valid Bot Framework activity' } };
    }

    if (captured.status >= 500) {
      // botbuilder puts the exception message in the body; keep it in the log, not on the wire.
      return { status: captured.status, jsonBody: { error: 'Weave could not handle this activity' } };
    }
    if (captured.body === undefined) return { status: captured.status };
    return typeof captured.body === 'string'
      ? { status: captured.status, body: captured.body, headers: captured.headers }
      : { status: captured.status, jsonBody: captured.body, headers: captured.headers };
  };
}
