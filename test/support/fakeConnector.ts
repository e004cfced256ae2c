// A Bot Connector on loopback: the serviceUrl test activities point at. It records every activity
// the bot sends (checking each card as Teams would), answers member and channel lookups from a
// small directory, and can answer like a throttled, unwell or slow Teams: 429 with Retry-After, 5xx,
// 403, a storm of them for a while, or every answer late. Like Teams, it enforces Teams' documented
// rate limits (test/support/teamsLimits.ts) unless a test turns them off.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cardProblems, openingProblems } from './cards';
import { TEAMS_LIMITS, TeamsThrottle, type TeamsLimits } from './teamsLimits';

export interface SentActivity {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity replied to (POST …/activities/{id}) or updated (PUT). */
  activityId: string | null;
  id: string;
  activity: Record<string, unknown>;
  at: number;
}

export interface Member {
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
}

export interface Fault {
  status: number;
  retryAfterSeconds?: number;
  /** Only for sends into this conversation; otherwise any send. */
  conversationId?: string;
}

/** Every send (into one conversation, or any) answered with this status until a moment passes. */
export interface Storm {
  status: number;
  /** Epoch ms: sends from then on are answered normally again. */
  until: number;
  retryAfterSeconds?: number;
  conversationId?: string;
}

export interface FakeConnector {
  url: string;
  sent: SentActivity[];
  /** Cards that would not pass Teams' renderer: a test fails if any are left at the end. */
  invalidCards: { activity: Record<string, unknown>; problems: string[] }[];
  members: Map<string, Member>;
  channels: Map<string, { id: string; name?: string }[]>;
  /** Conversations that answer 403, as when a person blocked or removed the app. */
  blocked: Set<string>;
  /** Faults answered, in order, to the next sends (one each). */
  faults: Fault[];
  requests: { method: string; path: string; status: number; at: number }[];
  /** Storms in force while Date.now() is before their `until` (checked after `faults`). */
  storms: Storm[];
  /** Every send is answered this late; Teams has accepted it by then, even if the sender has gone away. */
  delayMs: number;
  /** Teams' rate limits for the app and each conversation (over one: 429 with Retry-After); null: none. */
  limits: TeamsLimits | null;
  /** A share of sends (0–1) answered 500 or 503 at random, as an unwell Teams would. */
  randomFailureRate: number;
  /** Holds every send unanswered (and unrecorded) until released: a Teams that has not accepted them yet. */
  stall: { on: boolean; release(): void };
  /** Check every card with the adaptivecards SDK as it arrives (on; a bench sending tens of thousands may turn it off and check a sample). */
  checkCards: boolean;
  /** Sends into a conversation (replies and proactive). */
  to(conversationId: string): SentActivity[];
  waitFor(predicate: (a: SentActivity) => boolean, timeoutMs?: number): Promise<SentActivity>;
  clear(): void;
  stop(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeConnector(): Promise<FakeConnector> {
  let counter = 0;
  const waiters: { predicate: (a: SentActivity) => boolean; resolve: (a: SentActivity) => void }[] = [];
  const connector: Omit<FakeConnector, 'url' | 'stop'> = {
    sent: [],
    invalidCards: [],
    members: new Map(),
    channels: new Map(),
    blocked: new Set(),
    faults: [],
    requests: [],
    storms: [],
    delayMs: 0,
    limits: TEAMS_LIMITS,
    randomFailureRate: 0,
    stall: { on: false, release: () => {} },
    checkCards: true,
    to: (conversationId) => connector.sent.filter((s) => s.conversationId === conversationId),
    waitFor(predicate, timeoutMs = 5000) {
      const found = connector.sent.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`connector: nothing matching arrived within ${timeoutMs} ms (${connector.sent.length} sent so far)`));
          }
        }, timeoutMs);
      });
    },
    clear() {
      connector.sent.length = 0;
      connector.requests.length = 0;
    },
  };

  const throttle = new TeamsThrottle(() => connector.limits);
  let stalled: Promise<void> = Promise.resolve();
  let releaseStall = () => {};
  Object.defineProperty(connector.stall, 'on', {
    get: () => stalledOn,
    set: (on: boolean) => {
      stalledOn = on;
      if (on) stalled = new Promise<void>((resolve) => { releaseStall = resolve; });
      else releaseStall();
    },
  });
  let stalledOn = false;
  connector.stall.release = () => { connector.stall.on = false; };

  const record = (entry: SentActivity) => {
    connector.sent.push(entry);
    for (const attachment of (entry.activity.attachments as { contentType?: string; content?: unknown }[] | undefined) ?? []) {
      if (connector.checkCards && attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
        // A card posted into a chat is one opening: it may not greet anyone with an error box.
        const problems = [...cardProblems(attachment.content), ...(entry.method === 'POST' ? openingProblems(attachment.content) : [])];
        if (problems.length > 0) connector.invalidCards.push({ activity: entry.activity, problems });
      }
    }
    for (const waiter of [...waiters]) {
      if (waiter.predicate(entry)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  };

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const method = req.method ?? 'GET';
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      connector.requests.push({ method, path, status, at: Date.now() });
      reply(res, status, body, headers);
    };
    try {
      let m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      if (m && (method === 'POST' || method === 'PUT')) {
        const conversationId = decodeURIComponent(m[1]!);
        const activityId = m[2] ? decodeURIComponent(m[2]) : null;
        const activity = await readJson(req);
        if (connector.stall.on) {
          await stalled;
          await new Promise((r) => setTimeout(r, 50)); // let a closed connection be noticed
          // The sender went away while Teams held the request: Teams never accepted it.
          if (res.socket?.destroyed || req.socket.destroyed) return;
        }
        const faultAt = connector.faults.findIndex((f) => !f.conversationId || f.conversationId === conversationId);
        if (faultAt >= 0) {
          const [fault] = connector.faults.splice(faultAt, 1);
          return answer(fault!.status, { error: { code: 'Injected', message: `injected ${fault!.status}` } },
            fault!.retryAfterSeconds !== undefined ? { 'retry-after': String(fault!.retryAfterSeconds) } : {});
        }
        const storm = connector.storms.find((f) => Date.now() < f.until && (!f.conversationId || f.conversationId === conversationId));
        if (storm) {
          return answer(storm.status, { error: { code: 'Injected', message: `injected ${storm.status}` } },
            storm.retryAfterSeconds !== undefined ? { 'retry-after': String(storm.retryAfterSeconds) } : {});
        }
        if (connector.delayMs > 0) await new Promise((r) => setTimeout(r, connector.delayMs));
        const retryAfter = throttle.admit(conversationId);
        if (retryAfter !== null) return answer(429, { error: { code: 'TooManyRequests', message: 'throttled' } }, { 'retry-after': String(retryAfter) });
        if (connector.randomFailureRate > 0 && Math.random() < connector.randomFailureRate) {
          return answer(Math.random() < 0.5 ? 500 : 503, { error: { code: 'Injected', message: 'injected server error' } });
        }
        if (connector.blocked.has(conversationId)) {
          return answer(403, { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } });
        }
        const id = method === 'PUT' && activityId ? activityId : `activity-${++counter}`;
        record({ method, conversationId, activityId, id, activity, at: Date.now() });
        return answer(200, { id });
      }
      m = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
      if (m && method === 'GET') {
        const member = connector.members.get(decodeURIComponent(m[2]!));
        if (!member) return answer(404, { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } });
        return answer(200, { ...member, userPrincipalName: member.email, tenantId: 'x', userRole: 'user' });
      }
      m = /^\/v3\/teams\/([^/]+)\/conversations$/.exec(path);
      if (m && method === 'GET') {
        return answer(200, { conversations: connector.channels.get(decodeURIComponent(m[1]!)) ?? [] });
      }
      return answer(404, { error: { code: 'NotFound', message: `${method} ${path} is not faked` } });
    } catch (err) {
      return answer(500, { error: { code: 'FakeConnectorError', message: (err as Error).message } });
    }
  };
  const server: Server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  // The same object the server reads, so what a test sets on it (limits, faults) takes effect.
  return Object.assign(connector, {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
