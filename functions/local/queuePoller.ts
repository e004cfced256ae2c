// One storage queue, polled the way the Functions host does it (see pollQueue). host.json holds the
// settings Azure will use; the local host reads the same file.
import type { DequeuedMessageItem } from '@azure/storage-queue';
import { decodeMessage, poisonQueueName, queueName } from '../../store/queues';
import { bindQueue } from '../bind';
import type { QueueFunction } from '../declarations';
import type { FunctionHost } from '../host';
import hostJson from '../host.json' with { type: 'json' };
import { sleep, type ContextFor, type Log } from './loops';

export interface QueueSettings {
  batchSize: number;
  /** Fetch more messages once no more than this many are in flight. */
  newBatchThreshold: number;
  maxDequeueCount: number;
  /** Delay before a failed message is visible again. */
  visibilityTimeoutSeconds: number;
  /** How long a message stays invisible while a handler works on it. */
  leaseSeconds: number;
  minPollingMs: number;
  maxPollingMs: number;
}

/** "hh:mm:ss" as host.json writes durations. */
function seconds(duration: string): number {
  const [h = 0, m = 0, s = 0] = duration.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** The queue behaviour Azure will have, read from the host.json that is deployed with the app. */
export function queueSettingsFromHostJson(): QueueSettings {
  const q = hostJson.extensions.queues;
  return {
    batchSize: q.batchSize,
    newBatchThreshold: q.newBatchThreshold,
    maxDequeueCount: q.maxDequeueCount,
    visibilityTimeoutSeconds: seconds(q.visibilityTimeout),
    leaseSeconds: 600, // the host's fixed 10-minute lease while a function runs
    minPollingMs: 100,
    maxPollingMs: seconds(q.maxPollingInterval) * 1000,
  };
}

/**
 * One queue, as the Functions host's queue processor handles it: batchSize messages at a time, a
 * new batch fetched whenever no more than newBatchThreshold are in flight (so up to their sum at once); each message invisible while its handler
 * runs (the lease renewed as it goes); a failure makes it visible again after visibilityTimeout;
 * after maxDequeueCount failures, or a message already dequeued more often than that (a worker
 * died holding it), it moves to <queue>-poison.
 */
export async function pollQueue(rt: FunctionHost, decl: QueueFunction, settings: QueueSettings, contextFor: ContextFor, log: Log, signal: AbortSignal): Promise<void> {
  const name = queueName(rt.config.storage, decl.queue);
  const queue = rt.queues.byDeployedName(name);
  const poison = rt.queues.byDeployedName(poisonQueueName(name));
  const handler = bindQueue(decl, () => Promise.resolve(rt));
  const inFlight = new Set<Promise<void>>();
  let idle = settings.minPollingMs;
  let ready = false;

  const toPoison = async (m: DequeuedMessageItem, popReceipt: string, why: string) => {
    await poison.createIfNotExists();
    await poison.sendMessage(m.messageText);
    await queue.deleteMessage(m.messageId, popReceipt);
    log('error', decl.name, `moved message ${m.messageId} to ${poisonQueueName(name)}: ${why}`);
  };

  const handle = async (m: DequeuedMessageItem) => {
    let popReceipt = m.popReceipt;
    if (m.dequeueCount > settings.maxDequeueCount) {
      await toPoison(m, popReceipt, `dequeued ${m.dequeueCount} times without finishing`);
      return;
    }
    const renew = setInterval(() => {
      queue.updateMessage(m.messageId, popReceipt, undefined, settings.leaseSeconds)
        .then((r) => { popReceipt = r.popReceipt ?? popReceipt; })
        .catch(() => { /* the lease runs out and the message comes back: as if this worker had died */ });
    }, (settings.leaseSeconds * 1000) / 2);
    let succeeded = false;
    let failure: unknown;
    try {
      await handler(decodeMessage(m.messageText), contextFor(decl.name, {
        id: m.messageId, dequeueCount: m.dequeueCount, insertionTime: m.insertedOn, expirationTime: m.expiresOn,
        nextVisibleTime: m.nextVisibleOn, popReceipt: m.popReceipt,
      }));
      succeeded = true;
    } catch (err) {
      failure = err;
    } finally {
      clearInterval(renew);
    }
    if (succeeded) {
      await queue.deleteMessage(m.messageId, popReceipt);
    } else if (m.dequeueCount >= settings.maxDequeueCount) {
      await toPoison(m, popReceipt, `failed ${m.dequeueCount} times: ${(failure as Error)?.message ?? failure}`);
    } else {
      await queue.updateMessage(m.messageId, popReceipt, undefined, settings.visibilityTimeoutSeconds);
    }
  };

  while (!signal.aborted) {
    try {
      if (!ready) {
        await queue.createIfNotExists();
        ready = true;
      }
      if (inFlight.size > settings.newBatchThreshold) {
        await Promise.race(inFlight);
        continue;
      }
      // A whole batch each time, as the host's queue processor asks for: at most newBatchThreshold
      // plus batchSize messages are in flight together (24 with host.json's 16 and 8).
      const { receivedMessageItems } = await queue.receiveMessages({
        numberOfMessages: settings.batchSize, visibilityTimeout: settings.leaseSeconds,
      });
      if (receivedMessageItems.length === 0) {
        await sleep(idle, signal, inFlight.size > 0 ? Promise.race(inFlight) : undefined);
        idle = Math.min(idle * 2, settings.maxPollingMs);
        continue;
      }
      idle = settings.minPollingMs;
      for (const m of receivedMessageItems) {
        const work: Promise<void> = handle(m)
          .catch((err: unknown) => log('warn', decl.name, `could not settle message ${m.messageId}: ${(err as Error).message}`))
          .finally(() => inFlight.delete(work));
        inFlight.add(work);
      }
    } catch (err) {
      log('warn', decl.name, `queue ${name} unreachable: ${(err as Error).message}`);
      await sleep(settings.maxPollingMs, signal);
    }
  }
  await Promise.allSettled(inFlight);
}
