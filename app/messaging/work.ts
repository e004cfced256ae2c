// Work too big to do inside one chat turn goes on the `work` queue as small pages, each of which
// queues the next: the function host retries a page that fails, and every page is safe to redo.
import { z } from 'zod';
import { QUEUES, type Queues } from '../../store/queues';

export const workItem = z.discriminatedUnion('kind', [
  /** Put a trigger's learning need in the plans of the people it affects, after `after` (a person id) in id order. */
  z.object({ kind: z.literal('trigger-needs'), tenantId: z.string().min(1).max(100), triggerId: z.string().min(1).max(100), after: z.string().max(100).nullable() }),
  /** Queue a learning offer's invitation for each recipient after `after`, a page at a time. */
  z.object({ kind: z.literal('offer-fanout'), tenantId: z.string().min(1).max(100), offerId: z.string().min(1).max(100), after: z.string().max(100).nullable() }),
]);
export type WorkItem = z.infer<typeof workItem>;

export class WorkQueue {
  constructor(private readonly queues: Queues) {}

  /** Queues a page of work, to be picked up now or after `delaySeconds`. */
  async enqueue(item: WorkItem, delaySeconds = 0): Promise<void> {
    await this.queues.send(QUEUES.work, item, { visibilityTimeoutSeconds: delaySeconds });
  }
}
