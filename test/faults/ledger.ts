// What the fault tests count: people installed in a test stack, what the fake connector received per
// conversation, and what the deliveries table says happened to a batch. A fault test passes when
// the two agree: one send per person, and every delivery row in a final state.
import { FUNCTIONS, type FunctionDeclaration, type QueueFunction } from '../../functions/declarations';
import type { Delivery } from '../../store/deliveries';
import type { FakeConnector, SentActivity } from '../support/fakeConnector';
import { hrRecord, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

export async function installedPeople(stack: TestStack, count: number, label = 'Person'): Promise<teams.TestUser[]> {
  const people = Array.from({ length: count }, (_, i) => teams.testUser(`${label} ${i}`, `${label.toLowerCase()}.${i}@example.org`));
  await stack.seed(people.map((p) => hrRecord(p)));
  for (const p of people) await stack.install(p);
  return people;
}

/** How many accepted sends each conversation got, of those matching. */
export function sendsPerConversation(connector: FakeConnector, matching: (a: SentActivity) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of connector.sent.filter(matching)) counts.set(a.conversationId, (counts.get(a.conversationId) ?? 0) + 1);
  return counts;
}

/** Send attempts (any answer) the connector saw into one conversation, in order (proactive sends and replies alike). */
export function attemptsInto(connector: FakeConnector, conversationId: string, since = 0): { status: number; at: number }[] {
  return connector.requests.filter((r) => {
    if (r.at < since) return false;
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(r.path);
    return r.method === 'POST' && m !== null && decodeURIComponent(m[1]!) === conversationId;
  });
}

export interface BatchTally {
  rows: Delivery[];
  byState: Record<string, number>;
  /** Rows still queued or sending: work not finished. */
  open: Delivery[];
}

export async function tallyBatch(stack: TestStack, batch: string): Promise<BatchTally> {
  const rows = await stack.rt.deliveries.listBatch(batch);
  const byState: Record<string, number> = {};
  for (const r of rows) byState[r.state] = (byState[r.state] ?? 0) + 1;
  return { rows, byState, open: rows.filter((r) => r.state === 'queued' || r.state === 'sending') };
}

export interface Pickup {
  worker: string;
  message: unknown;
  dequeueCount: number;
}

/**
 * Weave's functions as they are, with each outbox message a worker picks up written down first:
 * which worker, and how often the queue had handed that message out.
 */
export function witnessedFunctions(worker: string, pickups: Pickup[]): FunctionDeclaration[] {
  return FUNCTIONS.map((decl): FunctionDeclaration => {
    if (decl.kind !== 'queue' || decl.name !== 'outbox-deliver') return decl;
    const witnessed: QueueFunction = {
      ...decl,
      handler: (rt, message, context) => {
        pickups.push({ worker, message, dequeueCount: Number(context.triggerMetadata?.dequeueCount ?? 0) });
        return decl.handler(rt, message, context);
      },
    };
    return witnessed;
  });
}
