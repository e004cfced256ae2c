// The local Functions host: serves the declared HTTP functions, fires the timers on their
// schedules and polls the queues in Azurite with the Functions host's queue semantics
// (invisible while processing, retried, moved to <queue>-poison after maxDequeueCount).
import { randomUUID } from 'node:crypto';
import { defaultMaxListeners, setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @azure/functions is CommonJS that Node's ESM loader cannot read named exports from.
import functions, { type HttpResponseInit, type LogLevel } from '@azure/functions';
import type { FunctionHost } from '../host';
import { bindHttp } from '../bind';
import { FUNCTIONS, type FunctionDeclaration, type HttpFunction, type QueueFunction, type TimerFunction } from '../declarations';
import { formatLogMessage, printLine, type ConsoleLevel } from './console';
import { pollQueue, queueSettingsFromHostJson, type QueueSettings } from './queuePoller';
import { runTimer } from './timers';

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

export interface LocalHost {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;


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
  const headers = new Headers(result.headers);
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

export async function startLocalHost(rt: FunctionHost, options: LocalHostOptions): Promise<LocalHost> {
  const declarations = options.declarations ?? FUNCTIONS;
  const log = options.log ?? printLine;
  const queueSettings = { ...queueSettingsFromHostJson(), ...options.queue };
  const getRuntime = () => Promise.resolve(rt);
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
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
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
      await writeResponse(res, await route.handler(request, contextFor(route.decl.name)));
    } catch (err) {
      log('error', 'http', `unhandled: ${(err as Error).message}`);
      if (!res.headersSent) await writeResponse(res, { status: 500, jsonBody: { error: 'Weave could not handle this request' } });
    }
  };
  // Each request's own errors end in a 500 inside serve; nothing is left for the server to catch.
  const server: Server = createServer((req, res) => void serve(req, res));
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


