// A delivery for someone with no conversation: install Weave for them (AppInstaller), wait for
// Teams' installation event, then send. Graph's answer is kept per person (store/installs.ts), so
// several messages for one person ask Graph once, a refusal is not asked again for a week, and the
// installation event queues every waiting delivery at once. A check-back a minute later covers an
// event that never comes; the delivery's attempts bound how long anyone waits.
import type { Delivery } from '../../store/deliveries';
import type { InstallState } from '../../store/installs';
import type { AppDeps } from '../deps';
import type { DeliveryDeps, DeliveryResult } from './delivery';
import { retryDelaySeconds } from './retryDelay';
import type { OutboxJob } from './outbox';

/** How long after asking Graph a new message for the person just waits for the same installation. */
const REQUEST_FRESH_MS = 10 * 60 * 1000;
/** How long a refusal (blocked by policy, not licensed) is believed before Graph is asked again. */
const REFUSAL_REMEMBERED_MS = 7 * 24 * 60 * 60 * 1000;
/** Graph has not answered yet (or asked Weave to wait): the next delivery asks again. */
const NOT_ANSWERED = '';
/** A look at the delivery in case the installation event never comes. */
export const INSTALL_CHECK_SECONDS = 60;

const REASONS: Record<Exclude<InstallState, 'requested'>, string> = {
  blocked: 'blocked by policy: an app permission policy keeps Weave from them',
  not_licensed: 'not licensed for Teams',
};

export async function reachByInstalling(deps: DeliveryDeps, delivery: Delivery, job: OutboxJob): Promise<DeliveryResult> {
  const { tenantId, recipientId } = delivery;
  const now = deps.clock.now();
  const at = now.toISOString();
  const log = deps.log.with({ batch: job.batch });
  if (!deps.installer.enabled) {
    await deps.deliveries.finish(delivery, 'not_installed', at);
    return 'not_installed';
  }
  const known = await deps.installs.get(tenantId, recipientId);
  const fresh = known && now.getTime() - Date.parse(known.at) < (known.state === 'requested' ? REQUEST_FRESH_MS : REFUSAL_REMEMBERED_MS);
  if (!known || known.state === 'requested') {
    // Written before Graph is asked, so an installation event that comes at once finds this delivery waiting.
    await deps.installs.wait(tenantId, recipientId, job.batch, fresh ? undefined : { state: 'requested', at: NOT_ANSWERED });
  }
  const outcome = fresh ? { kind: known.state } : await deps.installer.install(tenantId, recipientId);
  if (!fresh && outcome.kind !== 'throttled') {
    await deps.installs.wait(tenantId, recipientId, null, { state: outcome.kind === 'requested' ? 'requested' : outcome.kind, at });
    log.info(`install.${outcome.kind}`);
  }

  const retryIn = async (seconds: number, lastError: string): Promise<DeliveryResult> => {
    await deps.deliveries.finish(delivery, 'queued', at, { lastError, notBefore: new Date(now.getTime() + seconds * 1000).toISOString() });
    await deps.outbox.requeue(job, seconds);
    return 'retrying';
  };

  switch (outcome.kind) {
    case 'requested': {
      await deps.deliveries.finish(delivery, 'queued', at, { lastError: 'waiting for Teams to install Weave' });
      // The event may have come (and taken the row) while this delivery was still held: then go now.
      const stillWaiting = await deps.installs.get(tenantId, recipientId);
      await deps.outbox.requeue(job, stillWaiting ? INSTALL_CHECK_SECONDS : 0);
      return 'retrying';
    }
    case 'throttled': {
      const seconds = retryDelaySeconds(delivery.attempts, outcome.retryAfterSeconds);
      log.info('install.throttled', { delaySeconds: seconds });
      return retryIn(seconds, 'Microsoft Graph asked Weave to wait before installing');
    }
    case 'blocked':
    case 'not_licensed': {
      const state = outcome.kind === 'blocked' ? 'blocked' : 'not_installed';
      await deps.deliveries.finish(delivery, state, at, { lastError: REASONS[outcome.kind] });
      return state;
    }
  }
}

/** Teams says Weave is now in their chat: queue again every delivery that was waiting for it. */
export async function releaseInstallWaits(deps: Pick<AppDeps, 'installs' | 'outbox' | 'log'>, tenantId: string, personId: string): Promise<number> {
  const batches = await deps.installs.take(tenantId, personId);
  for (const batch of batches) await deps.outbox.requeue({ batch, recipientId: personId });
  if (batches.length > 0) deps.log.info('install.arrived', { waiting: batches.length });
  return batches.length;
}
