// The local Functions host: serves the declared HTTP functions, fires the timers on their
// schedules and polls the queues in Azurite with the Functions host's queue semantics
// (invisible while processing, retried, moved to <queue>-poison after maxDequeueCount).
import { randomUUID } from 'node:crypto';
import { defaultMaxListeners, setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @azure/functions is CommonJS that Node's ESM loader cannot read named exports from.
import functions, { type HttpResponseInit, type InvocationContext as Context, type LogLevel, type Timer } from '@azure/functions';
import { nextOccurrence, parseSchedule } from '../../core/ncrontab';
import type { FunctionHost } from '../host';
import type { DequeuedMessageItem } from '@azure/storage-queue';
import { decodeMessage, poisonQueueName, queueName } from '../../store/queues';
import { bindHttp, bindQueue, bindTimer } from '../bind';
import { FUNCTIONS, scheduleOf, type FunctionDeclaration, type HttpFunction, type QueueFunction, type TimerFunction } from '../declarations';
import hostJson from '../host.json' with { type: 'json' };
import { formatLogMessage, printLine, type ConsoleLevel } from './console';

const { HttpRequest, InvocationContext } = functions;

export interface LocalHostOptions {
  port: number;
  host?: string;
  /** Fire timers on their schedules (off in most tests, which run jobs explicitly). */
  timers?: boolean;
  /** Poll queues (on by default). */
  queues?: boolean;
  /** Overrides of what functions/host.json says (tests poll faster). */
  queue?: Partial<QueueSettings>;
  /** Where invocation logs go; defaults to readable lines on the console. */
  log?: (level: ConsoleLevel, source: string, message: string) => void;
  declarations?: readonly FunctionDeclaration[];
}

export interface QueueSettings {
  batchSize: number;
  /** Fetch more messages once no more than this many are in flight. */
  newBatchThreshold: number;
  maxDequeueCount: number;
  /** Delay before a failed message is visible again. */
  visibilityTimeoutSeconds: number;
  /** How long a message stays invisible while a handler works on it. */
  leaseSeconds: number;
  minPollingMs: number;
  maxPollingMs: number;
}

/** "hh:mm:ss" as host.json writes durations. */
function seconds(duration: string): number {
  const [h = 0, m = 0, s = 0] = duration.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** The queue behaviour Azure will have, read from the host.json that is deployed with the app. */
export function queueSettingsFromHostJson(): QueueSettings {
  const q = hostJson.extensions.queues;
  return {
    batchSize: q.batchSize,
    newBatchThreshold: q.newBatchThreshold,
    maxDequeueCount: q.maxDequeueCount,
    visibilityTimeoutSeconds: seconds(q.visibilityTimeout),
    leaseSeconds: 600, // the host's fixed 10-minute lease while a function runs
    minPollingMs: 100,
    maxPollingMs: seconds(q.maxPollingInterval) * 1000,
  };
}

export interface LocalHost {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

type ContextFor = (functionName: string, triggerMetadata?: Record<string, unknown>) => Context;

/** An Azure Functions route template as a regular expression: {name} is one segment, /{name?} an optional last one. */
export function routePattern(route: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  let pattern = '';
  let rest = route;
  for (let m = /(\/?)\{(\w+)(\?)?\}/.exec(rest); m; m = /(\/?)\{(\w+)(\?)?\}/.exec(rest)) {
    pattern += escape(rest.slice(0, m.index));
    pattern += m[3] ? `(?:/(?<${m[2]}>[^/]*))?` : `${escape(m[1]!)}(?<${m[2]}>[^/]+)`;
    rest = rest.slice(m.index + m[0].length);
  }
  return new RegExp(`^/api/${pattern}${escape(rest)}/?$`, 'i');
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function writeResponse(res: ServerResponse, result: HttpResponseInit): Promise<void> {
  const headers = new Headers(result.headers as Record<string, string> | undefined);
  let body: string | Uint8Array | undefined;
  if (result.jsonBody !== undefined) {
    body = JSON.stringify(result.jsonBody);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  } else if (typeof result.body === 'string' || result.body instanceof Uint8Array) {
    body = result.body;
  } else if (result.body !== undefined && result.body !== null) {
    body = new Uint8Array(await new Response(result.body as ConstructorParameters<typeof Response>[0]).arrayBuffer());
  }
  res.writeHead(result.status ?? 200, Object.fromEntries(headers.entries()));
  res.end(body);
}

/** Waits `ms`, or less if the host stops or `orUntil` settles first; leaves no timer or listener behind. */
function sleep(ms: number, signal: AbortSignal, orUntil?: Promise<unknown>): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    orUntil?.then(done, done);
  });
}

export async function startLocalHost(rt: FunctionHost, options: LocalHostOptions): Promise<LocalHost> {
  const declarations = options.declarations ?? FUNCTIONS;
  const log = options.log ?? printLine;
  const queueSettings = { ...queueSettingsFromHostJson(), ...options.queue };
  const getRuntime = async () => rt;
  const stopping = new AbortController();
  const background: Promise<void>[] = [];

  const contextFor = (functionName: string, triggerMetadata: Record<string, unknown> = {}) =>
    new InvocationContext({
      invocationId: randomUUID(),
      functionName,
      triggerMetadata,
      logHandler: (level: LogLevel, ...args: unknown[]) => {
        const lvl: ConsoleLevel = level === 'error' || level === 'critical' ? 'error' : level === 'warning' ? 'warn' : level === 'debug' || level === 'trace' ? 'debug' : 'info';
        log(lvl, functionName, args.map(formatLogMessage).join(' '));
      },
    });

  // HTTP functions
  const routes = declarations
    .filter((d): d is HttpFunction => d.kind === 'http')
    .map((decl) => ({ decl, pattern: routePattern(decl.route), handler: bindHttp(decl, getRuntime) }));
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      // Functions may share a route with different methods, as in Azure.
      const atPath = routes.filter((r) => r.pattern.test(url.pathname));
      if (atPath.length === 0) return writeResponse(res, { status: 404, jsonBody: { error: `No function at ${url.pathname}` } });
      const route = atPath.find((r) => r.decl.methods.includes((req.method ?? 'GET').toUpperCase() as never));
      if (!route) return writeResponse(res, { status: 405, jsonBody: { error: `${req.method} is not allowed here` } });
      const body = await readBody(req);
      if (body === 'too-large') return writeResponse(res, { status: 413, jsonBody: { error: 'Request body too large' } });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const request = new HttpRequest({
        method: req.method ?? 'GET',
        url: url.toString(),
        headers,
        query: Object.fromEntries(url.searchParams.entries()),
        params: { ...route.pattern.exec(url.pathname)?.groups },
        ...(body.length > 0 ? { body: { bytes: body } } : {}),
      });
      await writeResponse(res, await route.handler(request, contextFor(route.decl.name)) as HttpResponseInit);
    } catch (err) {
      log('error', 'http', `unhandled: ${(err as Error).message}`);
      if (!res.headersSent) await writeResponse(res, { status: 500, jsonBody: { error: 'Weave could not handle this request' } });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const queues = options.queues === false ? [] : declarations.filter((d): d is QueueFunction => d.kind === 'queue');
  const timers = options.timers ? declarations.filter((d): d is TimerFunction => d.kind === 'timer') : [];
  // Each loop below listens for `stopping` while it sleeps, so there are as many listeners as loops:
  // more than Node's default of 10 is expected here, not a leak.
  setMaxListeners(Math.max(defaultMaxListeners, queues.length + timers.length), stopping.signal);
  for (const decl of queues) background.push(pollQueue(rt, decl, queueSettings, contextFor, log, stopping.signal));
  for (const decl of timers) background.push(runTimer(rt, decl, contextFor, log, stopping.signal));

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    async stop() {
      stopping.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled(background);
    },
  };
}

type Log = (level: ConsoleLevel, source: string, message: string) => void;

/**
 * One queue, as the Functions host's queue processor handles it: up to batchSize messages at once,
 * more fetched when half are done (newBatchThreshold); each message invisible while its handler
 * runs (the lease renewed as it goes); a failure makes it visible again after visibilityTimeout;
 * after maxDequeueCount failures, or a message already dequeued more often than that (a worker
 * died holding it), it moves to <queue>-poison.
 */
async function pollQueue(rt: FunctionHost, decl: QueueFunction, settings: QueueSettings, contextFor: ContextFor, log: Log, signal: AbortSignal): Promise<void> {
  const name = queueName(rt.config.storage, decl.queue);
  const queue = rt.queues.byDeployedName(name);
  const poison = rt.queues.byDeployedName(poisonQueueName(name));
  const handler = bindQueue(decl, async () => rt);
  const inFlight = new Set<Promise<void>>();
  let idle = settings.minPollingMs;
  let ready = false;

  const toPoison = async (m: DequeuedMessageItem, popReceipt: string, why: string) => {
    await poison.createIfNotExists();
    await poison.sendMessage(m.messageText);
    await queue.deleteMessage(m.messageId, popReceipt);
    log('error', decl.name, `moved message ${m.messageId} to ${poisonQueueName(name)}: ${why}`);
  };

  const handle = async (m: DequeuedMessageItem) => {
    let popReceipt = m.popReceipt;
    if (m.dequeueCount > settings.maxDequeueCount) {
      await toPoison(m, popReceipt, `dequeued ${m.dequeueCount} times without finishing`);
      return;
    }
    const renew = setInterval(() => {
      queue.updateMessage(m.messageId, popReceipt, undefined, settings.leaseSeconds)
        .then((r) => { popReceipt = r.popReceipt ?? popReceipt; })
        .catch(() => { /* the lease runs out and the message comes back: as if this worker had died */ });
    }, (settings.leaseSeconds * 1000) / 2);
    let succeeded = false;
    let failure: unknown;
    try {
      await handler(decodeMessage(m.messageText), contextFor(decl.name, {
        id: m.messageId, dequeueCount: m.dequeueCount, insertionTime: m.insertedOn, expirationTime: m.expiresOn,
        nextVisibleTime: m.nextVisibleOn, popReceipt: m.popReceipt,
      }));
      succeeded = true;
    } catch (err) {
      failure = err;
    } finally {
      clearInterval(renew);
    }
    if (succeeded) {
      await queue.deleteMessage(m.messageId, popReceipt);
    } else if (m.dequeueCount >= settings.maxDequeueCount) {
      await toPoison(m, popReceipt, `failed ${m.dequeueCount} times: ${(failure as Error)?.message ?? failure}`);
    } else {
      await queue.updateMessage(m.messageId, popReceipt, undefined, settings.visibilityTimeoutSeconds);
    }
  };

  while (!signal.aborted) {
    try {
      if (!ready) {
        await queue.createIfNotExists();
        ready = true;
      }
      if (inFlight.size > settings.newBatchThreshold) {
        await Promise.race(inFlight);
        continue;
      }
      const { receivedMessageItems } = await queue.receiveMessages({
        numberOfMessages: settings.batchSize - inFlight.size, visibilityTimeout: settings.leaseSeconds,
      });
      if (receivedMessageItems.length === 0) {
        await sleep(idle, signal, inFlight.size > 0 ? Promise.race(inFlight) : undefined);
        idle = Math.min(idle * 2, settings.maxPollingMs);
        continue;
      }
      idle = settings.minPollingMs;
      for (const m of receivedMessageItems) {
        const work: Promise<void> = handle(m)
          .catch((err: unknown) => log('warn', decl.name, `could not settle message ${m.messageId}: ${(err as Error).message}`))
          .finally(() => inFlight.delete(work));
        inFlight.add(work);
      }
    } catch (err) {
      log('warn', decl.name, `queue ${name} unreachable: ${(err as Error).message}`);
      await sleep(settings.maxPollingMs, signal);
    }
  }
  await Promise.allSettled(inFlight);
}

async function runTimer(rt: FunctionHost, decl: TimerFunction, contextFor: ContextFor, log: Log, signal: AbortSignal): Promise<void> {
  let schedule;
  try {
    schedule = parseSchedule(scheduleOf(decl, rt.config));
  } catch (err) {
    log('error', decl.name, `not scheduled: ${(err as Error).message}`);
    return;
  }
  const handler = bindTimer(decl, async () => rt);
  const tick = async () => {
    try {
      await handler({ isPastDue: false, schedule: { adjustForDST: true } } as Timer, contextFor(decl.name));
    } catch (err) {
      log('error', decl.name, `failed: ${(err as Error).message}`);
    }
  };
  await tick(); // catch up on an occurrence missed while the stack was down
  while (!signal.aborted) {
    const next = nextOccurrence(schedule, new Date(), rt.config.timeZone);
    // Long waits are chunked so a sleeping laptop or a clock change is noticed within the hour.
    await sleep(Math.min(next.getTime() - Date.now(), 3_600_000), signal);
    if (!signal.aborted && Date.now() >= next.getTime()) await tick();
  }
}
