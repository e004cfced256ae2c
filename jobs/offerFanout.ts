// A learning offer goes out a page of recipients at a time from the work queue: each recipient's
// invitation is one outbox delivery (its own queue message and delivery record), so the sending
// itself is paced, retried and reported per person. A page done twice queues nothing twice.
import { audienceOf, offerBatch, offerInviteFlow } from '../bot/flows/offers';
import type { BotDeps } from '../bot/context';
import type { WorkItem } from '../bot/work';
import { ConcurrencyError } from '../store/tables';

export const OFFER_PAGE = 200;

export async function queueOfferInvites(deps: BotDeps, item: Extract<WorkItem, { kind: 'offer-fanout' }>): Promise<number> {
  const offer = await deps.offers.get(item.tenantId, item.offerId);
  if (!offer || offer.status !== 'sending') return 0;
  const audience = (await audienceOf(deps, offer)).filter((id) => item.after === null || id > item.after);
  const page = audience.slice(0, OFFER_PAGE);
  for (const personId of page) {
    await deps.outbox.sendCard({ tenantId: item.tenantId, batch: offerBatch(offer.offerId), recipientId: personId, kind: offerInviteFlow.kind, context: { offerId: offer.offerId } });
  }
  if (audience.length > page.length) {
    await deps.work.enqueue({ ...item, after: page[page.length - 1]! });
  } else {
    for (let attempt = 0; attempt < 5; attempt++) {
      const fresh = await deps.offers.get(item.tenantId, item.offerId);
      if (!fresh || fresh.fannedOutAt) break;
      try {
        await deps.offers.update(fresh, { fannedOutAt: deps.clock.now().toISOString() });
        break;
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
      }
    }
  }
  return page.length;
}
