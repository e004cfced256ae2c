// The floor for bench:load: a bare botbuilder echo bot — CloudAdapter and an ActivityHandler that
// answers every message with its text, no authentication (as Weave's local mode), no storage —
// on node:http, loopback. Its reply goes to the activity's serviceUrl like Weave's do.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Request, type Response } from 'botbuilder';

export interface EchoBot {
  url: string;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function startEchoBot(options: { host?: string; port?: number } = {}): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  let stopped = false;
  adapter.onTurnError = async (context, error) => {
    // Turns still running when the load stops find the connector gone: not worth a line each.
    if (!stopped) process.stderr.write(`echo bot: turn failed: ${error.message}\n`);
    await context.sendActivity('The echo bot failed.').catch(() => {});
  };
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    // What Express or restify hand CloudAdapter.process: a parsed body, headers, and a response with status/send/end.
    const request: Request = { method: req.method, headers: req.headers, body: await readBody(req) };
    let status = 200;
    let body: string | undefined;
    const response: Response = {
      socket: req.socket,
      status(code: number) { status = code; },
      header(name: string, value: unknown) { res.setHeader(name, String(value)); },
      send(value: unknown) { body = typeof value === 'string' ? value : JSON.stringify(value); },
      end() {
        if (body !== undefined && !res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
        res.writeHead(status);
        res.end(body);
      },
    };
    await adapter.process(request, response, (context) => bot.run(context));
  };
  const server: Server = createServer((req, res) => {
    serve(req, res).catch(() => { res.statusCode = 500; res.end(); });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve()));
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    async stop() {
      stopped = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
