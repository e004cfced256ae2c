// Finds deliveries a lost queue message left behind (the enqueue failed after the row was written,
// or a worker died holding a lease) and puts them back on the queue. Running it twice is harmless:
// the delivery row, not the queue message, decides whether anything is sent.
import type { DeliveryStore } from '../store/deliveries';
import type { Outbox } from '../app/messaging/outbox';
import type { Clock } from '../core/clock';
import { plural } from '../core/words';

/** Queue messages are picked up in seconds; a row whose attempt was due this long ago has lost its message. */
export const STUCK_AFTER_MINUTES = 10;

export async function sweepOutbox(deps: { deliveries: DeliveryStore; outbox: Outbox; clock: Clock }): Promise<string> {
  const now = deps.clock.now();
  const stuck = await deps.deliveries.listStuck(new Date(now.getTime() - STUCK_AFTER_MINUTES * 60_000).toISOString(), now.toISOString());
  for (const d of stuck) await deps.outbox.requeue({ batch: d.batch, recipientId: d.recipientId });
  return stuck.length === 0 ? 'nothing stuck' : `re-queued ${plural(stuck.length, 'stuck delivery', 'stuck deliveries')}`;
}
