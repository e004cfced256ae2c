// Weave as a test meets it: the real runtime on the shared Azurite (its own table and queue prefix,
// its own tenant), the local Functions host on a free port, and a fake Bot Connector. Tests talk
// to it only over HTTP, with Teams-shaped activities.
import { randomBytes, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { fixedClock, type Clock } from '../../core/clock';
import { createLogger, type LogFields, type LogLevel } from '../../core/log';
import type { HrRecord } from '../../core/people';
import { planRosterImport } from '../../core/rosterPlan';
import { startLocalHost, type LocalHost } from '../../functions/local/host';
import { loadConfig, type Config } from '../../runtime/config';
import { createRuntime, type Runtime } from '../../runtime/runtime';
import { tabAssetsBuiltOnDemand } from '../../tab/build';
import { assertValidCard, contentProblems } from './cards';
import { startFakeConnector, type FakeConnector } from './fakeConnector';
import * as teams from './teams';
import type { TestUser } from './teams';

export interface LogEntry {
  level: LogLevel | 'host';
  event: string;
  fields: LogFields;
}

/** A clock tests can move. */
export interface TestClock extends Clock {
  set(at: Date | string): void;
}

export function testClock(start: Date | string = '2026-11-23T09:00:00Z'): TestClock {
  let now = new Date(start);
  return { now: () => new Date(now), set: (at) => { now = new Date(at); } };
}

export interface InvokeResult {
  status: number;
  body: { statusCode?: number; type?: string; value?: unknown } | undefined;
}

export interface TestStack {
  rt: Runtime;
  config: Config;
  host: LocalHost;
  connector: FakeConnector;
  tenantId: string;
  logs: LogEntry[];
  /** Posts an activity to /api/messages; answers the HTTP status and body. */
  post(activity: object): Promise<{ status: number; body: unknown }>;
  message(user: TestUser, text: string): Promise<SentReplies>;
  install(user: TestUser): Promise<SentReplies>;
  /** Presses an Action.Execute button: the invoke response's card (checked) or message. */
  act(user: TestUser, verb: string, data: Record<string, unknown>): Promise<InvokeResult>;
  /** Puts people straight into the directory, as a roster import on `asOf` would (default 1 November 2026: Weave knows them from then). */
  seed(records: HrRecord[], asOf?: string): Promise<void>;
  /** The replies sent into a person's 1:1 chat since the last call. */
  repliesTo(user: TestUser): SentReplies;
  /** Waits for the work and outbox queues to finish everything queued. */
  drainOutbox(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface SentReplies {
  texts: string[];
  cards: Record<string, unknown>[];
}

function splitReplies(sent: { activity: Record<string, unknown> }[]): SentReplies {
  const texts: string[] = [];
  const cards: Record<string, unknown>[] = [];
  for (const { activity } of sent) {
    if (typeof activity.text === 'string' && activity.text) texts.push(activity.text);
    for (const a of (activity.attachments as { content?: Record<string, unknown> }[] | undefined) ?? []) if (a.content) cards.push(a.content);
  }
  return { texts, cards };
}

/** The bot SDK this run tests: WEAVE_TEST_BOT_SDK (set by the `teams-sdk` vitest project), botbuilder by default. */
export function botSdkUnderTest(): 'botbuilder' | 'teams' {
  return process.env.WEAVE_TEST_BOT_SDK === 'teams' ? 'teams' : 'botbuilder';
}

/**
 * Requests one delivery attempt makes to the connector when Teams keeps refusing: the send and three
 * retries — botbuilder's own inside its send, or on the Teams SDK (which makes none) the outbox's.
 */
export const REQUESTS_PER_SEND_ATTEMPT = 4;

/** Built once per test file, on first request. */
const TAB_ASSETS = tabAssetsBuiltOnDemand();

export async function startTestStack(options: { clock?: Clock; tenantId?: string; env?: Record<string, string>; queues?: boolean; authOverrides?: Record<string, string>; devSignInFirst?: readonly string[] } = {}): Promise<TestStack> {
  const tenantId = options.tenantId ?? randomUUID();
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const config = loadConfig({
    WEAVE_MODE: 'local',
    WEAVE_TENANT_ID: tenantId,
    AzureWebJobsStorage: inject('storageConnectionString'),
    WEAVE_STORAGE_PREFIX: prefix,
    // The protocol suites run once per bot SDK (vitest.config.ts's projects).
    WEAVE_BOT_SDK: botSdkUnderTest(),
    ...options.env,
  });
  const logs: LogEntry[] = [];
  const log = createLogger((level, event, fields) => logs.push({ level, event, fields }), 'debug');
  const connector = await startFakeConnector();
  const rt = await createRuntime(config, { clock: options.clock ?? fixedClock(new Date('2026-11-23T09:00:00Z')), log, tabAssets: TAB_ASSETS, authOverrides: options.authOverrides, devSignInFirst: options.devSignInFirst });
  const host = await startLocalHost(rt, {
    port: 0,
    timers: false,
    queues: options.queues ?? true,
    queue: { minPollingMs: 10, maxPollingMs: 50 },
    log: (level, source, message) => logs.push({ level: 'host', event: message, fields: { source, level } }),
  });
  const o = { serviceUrl: connector.url, tenantId };
  const seen = new Map<string, number>();

  const post = async (activity: object) => {
    const res = await fetch(`${host.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch { /* not JSON */ }
    return { status: res.status, body };
  };

  const repliesTo = (user: TestUser) => {
    const all = connector.to(teams.personalConversationId(user));
    const from = seen.get(user.aadObjectId) ?? 0;
    seen.set(user.aadObjectId, all.length);
    return splitReplies(all.slice(from));
  };

  const expectOk = (status: number, what: string) => {
    if (status !== 200) throw new Error(`${what} answered HTTP ${status}`);
  };

  const stack: TestStack = {
    rt, config, host, connector, tenantId, logs, post, repliesTo,
    async message(user, text) {
      repliesTo(user);
      expectOk((await post(teams.personalMessage(user, text, o))).status, `message "${text}"`);
      return repliesTo(user);
    },
    async install(user) {
      repliesTo(user);
      expectOk((await post(teams.personalInstall(user, o))).status, 'installationUpdate');
      return repliesTo(user);
    },
    async act(user, verb, data) {
      const res = await post(teams.cardAction(user, verb, data, o));
      const body = res.body as InvokeResult['body'];
      if (body?.type === 'application/vnd.microsoft.card.adaptive') {
        assertValidCard(body.value);
        const problems = contentProblems(body.value);
        if (problems.length > 0) throw new Error(`the card an action answered shows: ${problems.join('; ')}`);
      }
      return { status: res.status, body };
    },
    async seed(records, asOf = '2026-11-01') {
      await rt.people.applyRoster(tenantId, planRosterImport([], records), asOf);
    },
    async drainOutbox(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      // Work pages queue messages on the outbox, so both must be empty together.
      const pending = async () => {
        let n = 0;
        for (const q of ['work', 'outbox'] as const) n += (await rt.queues.client(q).getProperties()).approximateMessagesCount ?? 0;
        return n;
      };
      for (;;) {
        if ((await pending()) === 0) {
          // A message being processed is invisible but still counted; one more look after a pause settles it.
          await new Promise((r) => setTimeout(r, 60));
          if ((await pending()) === 0) return;
        }
        if (Date.now() > deadline) throw new Error('queues did not drain');
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop() {
      await host.stop();
      await connector.stop();
      if (connector.invalidCards.length > 0) {
        throw new Error(`the bot sent ${connector.invalidCards.length} invalid card(s):\n${JSON.stringify(connector.invalidCards[0]?.problems)}`);
      }
    },
  };
  return stack;
}

export function activityOptions(stack: Pick<TestStack, 'connector' | 'tenantId'>) {
  return { serviceUrl: stack.connector.url, tenantId: stack.tenantId };
}

export function hrRecord(user: TestUser, fields: Partial<HrRecord> = {}): HrRecord {
  return {
    aadObjectId: user.aadObjectId,
    email: user.email,
    displayName: user.name,
    jobTitle: 'Social Worker',
    profession: 'social_worker',
    team: 'PaCT',
    service: "Children's Social Care",
    managerId: null,
    careerStage: 'experienced',
    startDate: '2024-01-15',
    registrationBody: 'swe',
    registrationNumber: 'SW123456',
    roles: ['practitioner'],
    ...fields,
  };
}
