// The outbox worker: delivers one queued message to one person, exactly once in effect. The
// delivery row is claimed with its ETag, so duplicate queue messages and concurrent workers
// cannot both send; every outcome ends in a final state on the row.
import type { OutboundMessage } from '../core/conversation';
import { errorFields } from '../core/log';
import { FINAL_DELIVERY_STATES, type Delivery } from '../store/deliveries';
import { ConcurrencyError } from '../store/tables';
import type { BotDeps } from './context';
import { flowFor } from './flows';
import { TransientSendError, type Messenger } from './messenger';
import type { OutboxJob, OutboxMessage } from './outbox';
import type { DeliveryStore } from '../store/deliveries';

/** How long a worker may hold a delivery before another may take it over (a crashed worker's lease). */
export const DELIVERY_LEASE_SECONDS = 120;
/** Attempts at a transient failure before the delivery is given up as failed. */
export const MAX_DELIVERY_ATTEMPTS = 5;

export interface DeliveryDeps extends BotDeps {
  deliveries: DeliveryStore;
  messenger: Messenger;
}

export type DeliveryResult = Delivery['state'] | 'missing' | 'busy' | 'retrying';

async function render(deps: BotDeps, message: OutboxMessage): Promise<OutboundMessage | undefined> {
  if (message.kind === 'text') return { text: message.text };
  const card = await deps.cards.get(message.cardId);
  const flow = card && flowFor(card.kind);
  if (!card || !flow) return undefined;
  return { card: await flow.render(deps, card), summary: 'Weave' };
}

export async function deliver(deps: DeliveryDeps, job: OutboxJob): Promise<DeliveryResult> {
  const log = deps.log.with({ batch: job.batch });
  const found = await deps.deliveries.get(job.batch, job.recipientId);
  if (!found) {
    log.warn('delivery.missing');
    return 'missing';
  }
  if (FINAL_DELIVERY_STATES.includes(found.state)) return found.state;

  const now = deps.clock.now();
  if (found.state === 'sending' && found.leaseUntil > now.toISOString()) {
    // Another worker holds it. Look again once its lease could have run out.
    const wait = Math.ceil((Date.parse(found.leaseUntil) - now.getTime()) / 1000) + 1;
    await deps.outbox.requeue(job, wait);
    return 'busy';
  }

  let delivery: Delivery;
  try {
    delivery = await deps.deliveries.claim(found, now.toISOString(), new Date(now.getTime() + DELIVERY_LEASE_SECONDS * 1000).toISOString());
  } catch (err) {
    if (err instanceof ConcurrencyError) return 'busy'; // another worker claimed it a moment ago
    throw err;
  }
  const at = () => deps.clock.now().toISOString();

  const conversation = await deps.conversations.get(delivery.tenantId, delivery.recipientId);
  if (!conversation || conversation.status === 'uninstalled') {
    await deps.deliveries.finish(delivery, 'not_installed', at());
    return 'not_installed';
  }
  if (conversation.status === 'unreachable') {
    await deps.deliveries.finish(delivery, 'unreachable', at());
    return 'unreachable';
  }
  const message = await render(deps, delivery.message as OutboxMessage);
  if (!message) {
    await deps.deliveries.finish(delivery, 'failed', at(), { lastError: 'card no longer exists' });
    return 'failed';
  }

  try {
    const outcome = await deps.messenger.send(conversation.ref, message);
    if (outcome.kind === 'gone') {
      await deps.conversations.setStatus(delivery.tenantId, delivery.recipientId, 'unreachable', at());
      await deps.deliveries.finish(delivery, 'unreachable', at(), { lastError: `Teams answered ${outcome.status}` });
      log.info('delivery.unreachable', { status: outcome.status });
      return 'unreachable';
    }
    await deps.deliveries.finish(delivery, 'sent', at(), { activityId: outcome.activityId });
    return 'sent';
  } catch (err) {
    const reason = err instanceof TransientSendError ? `Teams answered ${err.status}` : (err as Error).message?.slice(0, 200) ?? 'unknown';
    if (!(err instanceof TransientSendError) || delivery.attempts >= MAX_DELIVERY_ATTEMPTS) {
      await deps.deliveries.finish(delivery, 'failed', at(), { lastError: reason });
      log.warn('delivery.failed', { ...errorFields(err), attempts: delivery.attempts });
      return 'failed';
    }
    // Back to queued, and on the queue again after Teams' Retry-After or a jittered backoff.
    await deps.deliveries.finish(delivery, 'queued', at(), { lastError: reason });
    await deps.outbox.requeue(job, retryDelaySeconds(delivery.attempts, err.retryAfterSeconds));
    log.info('delivery.retrying', { status: err.status, attempts: delivery.attempts });
    return 'retrying';
  }
}

export function retryDelaySeconds(attempts: number, retryAfterSeconds: number | null, random = Math.random): number {
  if (retryAfterSeconds !== null) return Math.max(1, Math.ceil(retryAfterSeconds));
  const ceiling = Math.min(300, 2 ** attempts * 2);
  return Math.max(1, Math.round(ceiling / 2 + (ceiling / 2) * random()));
}

/** The poison queue's handler: a delivery whose queue message failed every attempt ends as failed. */
export async function giveUp(deps: DeliveryDeps, job: OutboxJob): Promise<void> {
  const delivery = await deps.deliveries.get(job.batch, job.recipientId);
  if (!delivery || FINAL_DELIVERY_STATES.includes(delivery.state)) return;
  await deps.deliveries.finish(delivery, 'failed', deps.clock.now().toISOString(), { lastError: delivery.lastError || 'gave up after repeated failures' });
  deps.log.warn('delivery.poisoned', { batch: job.batch });
}
