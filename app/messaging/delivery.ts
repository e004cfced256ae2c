// The outbox worker: delivers one queued message to one person. The delivery row is claimed with
// its ETag, so duplicate queue messages and concurrent workers cannot both send; every outcome
// ends in a final state on the row, and a row that is not final always has a queue message that
// will look at it (see `busy`). (A worker that dies after Teams accepted the message but before
// recording it is the only way a person can get a message twice; a storage outage inside that
// window is waited out.)
import type { ConversationRef, OutboundMessage } from '../../core/conversation';
import { isChannelRecipient } from '../../store/plans';
import { errorFields } from '../../core/log';
import { FINAL_DELIVERY_STATES, type Delivery, type DeliveryStore } from '../../store/deliveries';
import { ConcurrencyError } from '../../store/errors';
import type { AppDeps } from '../deps';
import { TransientSendError, type Messenger, type SendOutcome } from './messenger';
import type { OutboxJob, OutboxMessage } from './outbox';
import type { SendPacer } from './sendPacer';
import type { AppInstaller } from './installer';
import { reachByInstalling } from './installWait';
import { retryDelaySeconds } from './retryDelay';

export { retryDelaySeconds };

/** How long a worker may hold a delivery before another may take it over (a crashed worker's lease). */
export const DELIVERY_LEASE_SECONDS = 120;
/** Attempts before a delivery is given up as failed. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** How long a worker keeps trying to record a send Teams accepted, while storage is away: inside the lease. */
const RECORD_SENT_WITHIN_SECONDS = DELIVERY_LEASE_SECONDS - 30;

export interface DeliveryDeps extends AppDeps {
  deliveries: DeliveryStore;
  messenger: Messenger;
  pacer: SendPacer;
  installer: AppInstaller;
}

export type DeliveryResult = Delivery['state'] | 'missing' | 'busy' | 'retrying';

async function render(deps: Pick<AppDeps, 'cards' | 'renderCard'>, message: OutboxMessage): Promise<OutboundMessage | undefined> {
  if (message.kind === 'text') return { text: message.text };
  const card = await deps.cards.get(message.cardId);
  const drawn = card && (await deps.renderCard(card, message.note));
  return drawn && { card: drawn, summary: 'Weave' };
}

/**
 * `redelivered`: the queue has handed this message out before (a worker took it and did not finish).
 */
export async function deliver(deps: DeliveryDeps, job: OutboxJob, opts: { redelivered?: boolean } = {}): Promise<DeliveryResult> {
  const log = deps.log.with({ batch: job.batch });
  const found = await deps.deliveries.get(job.batch, job.recipientId);
  if (!found) {
    log.warn('delivery.missing');
    return 'missing';
  }
  if (FINAL_DELIVERY_STATES.includes(found.state)) return found.state;
  const now = deps.clock.now();
  const at = () => deps.clock.now().toISOString();
  const busy = (leaseUntil: string) => (opts.redelivered || job.checkBack ? checkBackAfterLease(deps, job, leaseUntil, now) : 'busy' as const);
  if (found.state === 'sending' && found.leaseUntil > now.toISOString()) return busy(found.leaseUntil);
  if (found.attempts >= MAX_DELIVERY_ATTEMPTS) {
    await deps.deliveries.finish(found, 'failed', at(), { lastError: found.lastError || `gave up after ${found.attempts} attempts` });
    return 'failed';
  }

  // The budget's token first, so no claim is held while waiting for it (a storage outage then
  // strands no claimed delivery). A token spent on a delivery that sends nothing is merely unused.
  await deps.pacer.take();
  // What the send needs is read while the claim is written: one round trip of storage, not three.
  // (Read for nothing when another worker wins the claim; that is rare.)
  const claiming = deps.deliveries.claim(found, now.toISOString(), new Date(now.getTime() + DELIVERY_LEASE_SECONDS * 1000).toISOString());
  const reading = Promise.all([targetOf(deps, found), render(deps, found.message as OutboxMessage)]);
  let delivery: Delivery;
  let read: [Target, OutboundMessage | undefined];
  try {
    [delivery, read] = await Promise.all([claiming, reading]);
  } catch (err) {
    const claim = await claiming.then((claimed) => ({ claimed }), (claimErr: unknown) => ({ claimErr }));
    if ('claimErr' in claim) {
      if (claim.claimErr instanceof ConcurrencyError) return busy(new Date(now.getTime() + DELIVERY_LEASE_SECONDS * 1000).toISOString()); // claimed a moment ago
      throw claim.claimErr;
    }
    // Claimed, but a read failed: let go of the claim so the retry can take it.
    await deps.deliveries.finish(claim.claimed, 'queued', at(), { lastError: (err as Error).name ?? 'error' }).catch(() => {});
    throw err;
  }

  try {
    return await send(deps, delivery, job, ...read);
  } catch (err) {
    // Something of ours failed (storage, a renderer): let go of the claim so the retry can take it.
    await deps.deliveries.finish(delivery, 'queued', at(), { lastError: (err as Error).name ?? 'error' }).catch(() => {});
    throw err;
  }
}

/**
 * Another worker holds the delivery. A first-time duplicate message is dropped: the holder's own
 * message stays on the queue until the holder finishes. But a message handed out before, or a
 * check-back, may be the holder's own (its worker died, or failed without letting go): it is queued
 * again for just after the lease, when the delivery is either final or taken over — never left with
 * no message to finish it, waiting for the sweep.
 */
async function checkBackAfterLease(deps: DeliveryDeps, job: OutboxJob, leaseUntil: string, now: Date): Promise<'busy'> {
  const seconds = Math.min(DELIVERY_LEASE_SECONDS, Math.max(0, Math.ceil((Date.parse(leaseUntil) - now.getTime()) / 1000))) + 1;
  await deps.outbox.requeue({ batch: job.batch, recipientId: job.recipientId, checkBack: true }, seconds);
  return 'busy';
}

type Reached = { kind: 'ok'; ref: ConversationRef; channel: boolean } | { kind: 'not_installed' | 'unreachable' };
type Target = Reached | { kind: 'no_conversation' };

/** Where a delivery goes: a person's 1:1 chat, or (for a team digest) the channel a manager linked. */
async function targetOf(deps: DeliveryDeps, delivery: Delivery): Promise<Target> {
  if (isChannelRecipient(delivery.recipientId)) {
    const link = await deps.plans.getDigestLinkFor(delivery.tenantId, delivery.recipientId);
    return link ? { kind: 'ok', ref: link.ref, channel: true } : { kind: 'not_installed' };
  }
  const conversation = await deps.conversations.get(delivery.tenantId, delivery.recipientId);
  if (!conversation) return { kind: 'no_conversation' };
  if (conversation.status === 'uninstalled') return { kind: 'not_installed' };
  if (conversation.status === 'unreachable') return { kind: 'unreachable' };
  return { kind: 'ok', ref: conversation.ref, channel: false };
}

/** A team digest that could not be posted is reported to the manager who linked the channel (once per digest). */
async function reportChannelFailure(deps: Pick<AppDeps, 'plans' | 'log' | 'outbox'>, delivery: Delivery): Promise<void> {
  if (!isChannelRecipient(delivery.recipientId)) return;
  const link = await deps.plans.getDigestLinkFor(delivery.tenantId, delivery.recipientId);
  if (!link) return;
  deps.log.warn('digest.not_posted', { batch: delivery.batch });
  await deps.outbox.sendText(delivery.tenantId, `digest-failed|${delivery.batch}`, link.linkedBy,
    `This week's ${link.team} training plan digest couldn't be posted to its channel: Teams would not take it (Weave may have been removed from the team). Type **digest here** in the channel you want it in to link it again.`);
}

async function send(deps: DeliveryDeps, delivery: Delivery, job: OutboxJob, found: Target, message: OutboundMessage | undefined): Promise<DeliveryResult> {
  const log = deps.log.with({ batch: job.batch });
  const at = () => deps.clock.now().toISOString();
  // Only the worker holding the claim asks for an installation.
  if (found.kind === 'no_conversation') return reachByInstalling(deps, delivery, job);
  const target: Reached = found;
  if (target.kind !== 'ok') {
    await deps.deliveries.finish(delivery, target.kind, at());
    await reportChannelFailure(deps, delivery);
    return target.kind;
  }
  if (!message) {
    await deps.deliveries.finish(delivery, 'failed', at(), { lastError: 'card no longer exists' });
    return 'failed';
  }

  const sent = await sendRetrying(deps, target.ref, message);
  if ('failure' in sent) {
    const err = sent.failure;
    const transient = err instanceof TransientSendError;
    const reason = transient ? err.message : (err as Error).message?.slice(0, 200) ?? 'unknown';
    // Teams cannot say whether it throttled this conversation or the whole app: every worker waits.
    if (transient && err.status === 429 && err.retryAfterSeconds !== null) await deps.pacer.holdFor(err.retryAfterSeconds * 1000);
    if (!transient || delivery.attempts >= MAX_DELIVERY_ATTEMPTS) {
      await deps.deliveries.finish(delivery, 'failed', at(), { lastError: reason });
      await reportChannelFailure(deps, delivery);
      log.warn('delivery.failed', { ...errorFields(err), attempts: delivery.attempts });
      return 'failed';
    }
    // Teams was throttling or unwell (already retried 3 times inside this attempt):
    // queue again after its Retry-After, or a jittered backoff.
    const delay = retryDelaySeconds(delivery.attempts, err.retryAfterSeconds);
    const notBefore = new Date(deps.clock.now().getTime() + delay * 1000).toISOString();
    await deps.deliveries.finish(delivery, 'queued', at(), { lastError: reason, notBefore });
    await deps.outbox.requeue(job, delay);
    log.info('delivery.retrying', { status: err.status, attempts: delivery.attempts, delaySeconds: delay });
    return 'retrying';
  }
  const { outcome } = sent;
  if (outcome.kind === 'gone') {
    if (!target.channel) await deps.conversations.setStatus(delivery.tenantId, delivery.recipientId, 'unreachable', at());
    await deps.deliveries.finish(delivery, 'unreachable', at(), { lastError: `Teams answered ${outcome.status}` });
    await reportChannelFailure(deps, delivery);
    log.info('delivery.unreachable', { status: outcome.status });
    return 'unreachable';
  }
  await recordSent(deps, delivery, outcome.activityId);
  return 'sent';
}

/** Retries inside one attempt, as botbuilder makes inside a send, for a messenger that makes none. */
const RETRIES_IN_ATTEMPT = 3;
/** A Retry-After longer than this is waited out on the queue (and the budget held), not inside the attempt. */
const LONGEST_WAIT_IN_ATTEMPT_SECONDS = 5;

/**
 * A 429 or 5xx is tried again inside the attempt — after Retry-After, or half a second doubling —
 * up to three times, as botbuilder does inside its sends; but each try takes its token from the
 * budget, so retries never push the app over Teams' limit. What the messenger threw is answered as
 * `failure`; the budget's own failures (it lives in storage) are ours and are thrown, so deliver
 * lets go of the claim and the queue tries again — never Teams refusing the person.
 */
async function sendRetrying(deps: DeliveryDeps, ref: ConversationRef, message: OutboundMessage): Promise<{ outcome: SendOutcome } | { failure: unknown }> {
  const retries = deps.messenger.retriesInside ? 0 : RETRIES_IN_ATTEMPT;
  for (let retry = 0; ; retry++) {
    // The first try's token was taken before the claim; each retry takes one of its own.
    if (retry === 0) await deps.pacer.spaceFor(ref.conversationId);
    else await deps.pacer.acquire(ref.conversationId);
    try {
      return { outcome: await deps.messenger.send(ref, message) };
    } catch (err) {
      const waitSeconds = err instanceof TransientSendError ? err.retryAfterSeconds ?? 0.5 * 2 ** retry : Infinity;
      if (retry >= retries || waitSeconds > LONGEST_WAIT_IN_ATTEMPT_SECONDS) return { failure: err };
      await new Promise((r) => setTimeout(r, waitSeconds * 1000));
    }
  }
}

/**
 * Teams has the message: until the row says so, the delivery could be sent again (a retry, or the
 * sweep once the lease runs out). So a storage outage here is waited out, well inside the lease.
 */
async function recordSent(deps: DeliveryDeps, delivery: Delivery, activityId: string): Promise<void> {
  // Wall-clock time, not deps.clock: this is about how long storage has been away.
  const giveUpAt = Date.now() + RECORD_SENT_WITHIN_SECONDS * 1000;
  for (let waitMs = 500; ; waitMs = Math.min(waitMs * 2, 8000)) {
    try {
      await deps.deliveries.finish(delivery, 'sent', deps.clock.now().toISOString(), { activityId });
      return;
    } catch (err) {
      if (err instanceof ConcurrencyError) {
        // Our write landed but its answer was lost; otherwise another worker has it now.
        const row = await deps.deliveries.get(delivery.batch, delivery.recipientId).catch(() => undefined);
        if (row?.state === 'sent') return;
        if (row) throw err;
      }
      if (Date.now() + waitMs > giveUpAt) throw err;
      deps.log.warn('delivery.record_retry', { ...errorFields(err), batch: delivery.batch });
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

/** The poison queue's handler: a delivery whose queue message failed every attempt ends as failed. */
export async function giveUp(deps: DeliveryDeps, job: OutboxJob): Promise<void> {
  const delivery = await deps.deliveries.get(job.batch, job.recipientId);
  if (!delivery || FINAL_DELIVERY_STATES.includes(delivery.state)) return;
  await deps.deliveries.finish(delivery, 'failed', deps.clock.now().toISOString(), { lastError: delivery.lastError || 'gave up after repeated failures' });
  await reportChannelFailure(deps, delivery);
  deps.log.warn('delivery.poisoned', { batch: job.batch });
}
