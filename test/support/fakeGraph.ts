// Microsoft Graph on loopback, as far as proactive installation goes: POST
// /v1.0/users/{id}/teamwork/installedApps answers as Graph does for each kind of person — 201 and,
// a moment later, Teams' installation event to the bot (`onInstalled`); 409 when installed already;
// 429 with Retry-After while throttled; 403 when an app permission policy blocks the app; 403 naming
// the licence for someone with no Teams licence. It records every request, with its body.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type GraphAnswer = 'install' | 'blocked' | 'not_licensed' | { throttled: number; retryAfterSeconds: number };

export interface FakeGraph {
  url: string;
  /** How Graph answers for each user id; anyone not listed is installed. */
  answers: Map<string, GraphAnswer>;
  requests: { userId: string; status: number; body: unknown; authorization: string | undefined; at: number }[];
  /** Called after a 201, as Teams then sends the installation event to the bot. */
  onInstalled: (userId: string) => Promise<unknown>;
  stop(): Promise<void>;
}

const error = (code: string, message: string) => JSON.stringify({ error: { code, message } });

export async function startFakeGraph(): Promise<FakeGraph> {
  const installed = new Set<string>();
  const throttledSoFar = new Map<string, number>();
  const graph: Omit<FakeGraph, 'url' | 'stop'> = { answers: new Map(), requests: [], onInstalled: () => Promise.resolve() };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
      const answer = (status: number, body = '', headers: Record<string, string> = {}) => {
        graph.requests.push({ userId: m ? decodeURIComponent(m[1]!) : '', status, body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown : undefined, authorization: req.headers.authorization, at: Date.now() });
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body);
      };
      if (!m || req.method !== 'POST') return answer(404, error('NotFound', 'not faked'));
      const userId = decodeURIComponent(m[1]!);
      const how = graph.answers.get(userId) ?? 'install';
      if (typeof how === 'object' && (throttledSoFar.get(userId) ?? 0) < how.throttled) {
        throttledSoFar.set(userId, (throttledSoFar.get(userId) ?? 0) + 1);
        return answer(429, error('TooManyRequests', 'Too many requests'), { 'retry-after': String(how.retryAfterSeconds) });
      }
      if (how === 'blocked') return answer(403, error('Forbidden', 'The app is blocked by the app permission policy for this user.'));
      if (how === 'not_licensed') return answer(403, error('Forbidden', 'The user does not have a valid Teams license.'));
      if (installed.has(userId)) return answer(409, error('Conflict', 'App is already installed for this user.'));
      installed.add(userId);
      answer(201);
      setTimeout(() => void graph.onInstalled(userId), 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return Object.assign(graph, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
