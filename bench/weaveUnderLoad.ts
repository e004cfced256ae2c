// Weave as bench:load meets it: Azurite, the real runtime in local mode, the local Functions host
// (timers off, queues polled as in Azure), a fake Bot Connector, and an organisation of people
// (syntheticOrg: practitioners in teams under managers, heads, a few L&D admins) who have each
// installed Weave, named a learning need through its card, logged some CPD, and hold real issued
// cards for the load to press.
import { randomUUID } from 'node:crypto';
import type { CpdRecord } from '../core/cpd';
import { createLogger, type LogLevel } from '../core/log';
import type { HrRecord } from '../core/people';
import { planRosterImport } from '../core/rosterPlan';
import { addNeedFlow } from '../bot/flows/addNeed';
import { issueCard, type CardFlow } from '../bot/flows/flow';
import { planFlow } from '../bot/flows/plan';
import { startLocalHost } from '../functions/local/host';
import { syntheticOrg } from '../local/syntheticOrg';
import { loadConfig } from '../runtime/config';
import { createRuntime, type Runtime } from '../runtime/runtime';
import { startBenchAzurite, type AzuriteMode } from './azurite';
import { startFakeConnector, type FakeConnector } from '../test/support/fakeConnector';
import { cardAction, personalInstall, type TestUser } from '../test/support/teams';

/** One simulated person and the cards the load presses for them. */
export interface LoadUser extends TestUser {
  /** A dev sign-in token for the tab's API. */
  token: string;
  /** An `add need` card the load submits with invalid inputs: refused by its schema, so never closed. */
  addNeedCardId: string;
  /** Their `my plan` card and a need on it, whose status the load moves back and forth. */
  planCardId: string;
  needId: string;
  /** Unanswered `add need` cards, one per valid submit. */
  freshAddNeedCardIds: string[];
}

export interface WeaveUnderLoad {
  url: string;
  tenantId: string;
  serviceUrl: string;
  users: LoadUser[];
  connector: FakeConnector;
  /** Warnings and errors Weave logged, by event name. */
  problems: Map<string, number>;
  /** CPU time Azurite's process has used so far (null: it runs in this one). */
  storageCpuMs(): number | null;
  stop(): Promise<void>;
}

const cardIdIn = (card: unknown) => /"cardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(card))![1]!;

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** syntheticOrg's shape (teams of about ten under a manager, heads, a director), with a few more L&D admins. */
function organisation(size: number): HrRecord[] {
  return syntheticOrg(size, 7).map((p, i) => (i > 1 && i % 60 === 0 ? { ...p, roles: [...p.roles, 'ld_admin'] } : p));
}

function cpdRecord(tenantId: string, personId: string, needId: string, today: string): CpdRecord {
  return {
    tenantId, personId, recordId: randomUUID(), activityType: 'bite_size_workshop', title: 'Trauma-informed practice workshop', date: today, hours: 3,
    participatoryHours: 3, codes: ['CC1'], needIds: [needId], reflectionModel: 'what',
    reflection: { what: 'A morning workshop with the team.', soWhat: 'How early experiences shape behaviour.', nowWhat: 'Use the approach in visits.' },
    impactPractice: 'Visits planned differently.', impactPeople: 'Families feel listened to.', peer: null, peerReflection: '', includesFeedback: false,
    reflectiveDiscussion: false, createdAt: new Date().toISOString(),
  };
}

export async function startWeaveUnderLoad(options: { people: number; cardsPerUser: number; tokenSeconds: number; azurite: AzuriteMode }): Promise<WeaveUnderLoad> {
  const azurite = await startBenchAzurite(options.azurite);
  const connector = await startFakeConnector();
  const problems = new Map<string, number>();
  const log = createLogger((_level: LogLevel, event) => problems.set(event, (problems.get(event) ?? 0) + 1), 'warn');
  const config = loadConfig({ WEAVE_MODE: 'local', AzureWebJobsStorage: azurite.connectionString, WEAVE_STORAGE_PREFIX: 'bload' });
  const rt: Runtime = await createRuntime(config, { log });
  const host = await startLocalHost(rt, { port: 0, timers: false, log: () => {} });
  const tenantId = config.tenantId;
  const today = new Date().toISOString().slice(0, 10);
  const o = { serviceUrl: connector.url, tenantId };

  const org = organisation(options.people);
  await rt.people.applyRoster(tenantId, planRosterImport([], org), today);

  const post = async (activity: object) => {
    const res = await fetch(`${host.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`setup: ${(activity as { type: string }).type} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
    return text;
  };
  const issue = async (flow: CardFlow, recipientId: string) => cardIdIn(await issueCard(rt, flow, { tenantId, recipientId, ttlDays: 30 }));

  const users: LoadUser[] = new Array<LoadUser>(org.length);
  await inParallel([...org.entries()], 16, async ([index, p]) => {
    const person: TestUser = { aadObjectId: p.aadObjectId, name: p.displayName, email: p.email, teamsId: `29:${p.aadObjectId}` };
    await post(personalInstall(person, o));
    // One need named through the real card, as a person would, and a CPD record logged against it.
    const firstNeed = await issue(addNeedFlow, p.aadObjectId);
    const added = await post(cardAction(person, 'need.add', {
      cardId: firstNeed, areas: 'CC1', description: 'Understanding trauma-informed practice', priority: 'high', activityTypes: 'bite_size_workshop',
    }, o));
    if (!added.includes('Added to your plan')) throw new Error(`setup: need.add answered ${added.slice(0, 200)}`);
    const [need] = await rt.needs.listFor(tenantId, p.aadObjectId);
    await rt.cpd.save(cpdRecord(tenantId, p.aadObjectId, need!.needId, today));
    const fresh: string[] = [];
    for (let i = 0; i < options.cardsPerUser; i++) fresh.push(await issue(addNeedFlow, p.aadObjectId));
    users[index] = {
      ...person,
      token: rt.devSignIn!.sign(p.aadObjectId, p.displayName, options.tokenSeconds),
      addNeedCardId: await issue(addNeedFlow, p.aadObjectId),
      planCardId: await issue(planFlow, p.aadObjectId),
      needId: need!.needId,
      freshAddNeedCardIds: fresh,
    };
  });
  connector.clear();
  problems.clear();

  return {
    url: host.url, tenantId, serviceUrl: connector.url, users, connector, problems,
    storageCpuMs: () => azurite.cpuMs(),
    async stop() {
      await host.stop();
      await connector.stop();
      await azurite.stop();
    },
  };
}
