// A learning offer goes out a page of recipients at a time from the work queue: each recipient's
// invitation is one outbox delivery (its own queue message and delivery record), so the sending
// itself is paced, retried and reported per person. A page done twice queues nothing twice.
// Queueing keeps about a page ahead of sending, no more: other messages (a freed place to confirm,
// a supervision prompt) then wait behind one page of a broadcast rather than all of it, a withdrawn
// offer stops within a page, and a big broadcast never piles thousands of messages on the queue.
import { audienceOf } from '../app/offers/audience';
import { offerBatch } from '../app/offers/sending';
import type { AppDeps } from '../app/deps';
import type { WorkItem } from '../app/messaging/work';
import type { Offer } from '../core/offers';
import type { Stored } from '../store/offers';
import { ConcurrencyError } from '../store/errors';

export const OFFER_PAGE = 200;
/** Invitations of a page queued together. */
const QUEUED_AT_ONCE = 16;
/** The longest a page waits before looking at the queue again. */
const MAX_PAUSE_SECONDS = 60;
/** How often a running fan-out says so on the offer (`fanOutSeenAt`), so upkeep can tell it from a stopped one. */
const FANOUT_SIGN_SECONDS = 60;

/**
 * How long the next page should wait, given the deliveries already waiting on the outbox: none
 * while at most a page is waiting; otherwise about as long as sending takes to bring it down to one.
 */
export function pagePauseSeconds(waiting: number, page: number, sendsPerSecond: number): number {
  if (waiting <= page) return 0;
  return Math.min(MAX_PAUSE_SECONDS, Math.max(1, Math.ceil((waiting - page) / sendsPerSecond)));
}

export async function queueOfferInvites(deps: AppDeps, item: Extract<WorkItem, { kind: 'offer-fanout' }>): Promise<number> {
  const offer = await deps.offers.get(item.tenantId, item.offerId);
  if (!offer || offer.status !== 'sending') return 0;
  await showSignOfLife(deps, offer);
  const pause = pagePauseSeconds(await deps.outbox.waiting(), OFFER_PAGE, deps.config.sendRatePerSecond);
  if (pause > 0) {
    await deps.work.enqueue(item, pause);
    return 0;
  }
  const audience = (await audienceOf(deps, offer)).filter((id) => item.after === null || id > item.after);
  const page = audience.slice(0, OFFER_PAGE);
  // Several at a time: one by one, queueing a page took longer than sending it at Teams' rate.
  for (let i = 0; i < page.length; i += QUEUED_AT_ONCE) {
    await Promise.all(page.slice(i, i + QUEUED_AT_ONCE).map((personId) =>
      deps.outbox.sendCard({ tenantId: item.tenantId, batch: offerBatch(offer.offerId), recipientId: personId, kind: 'offerInvite', context: { offerId: offer.offerId } })));
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

/** Notes on the offer that its fan-out is running, at most once a minute; a lost race is no matter. */
async function showSignOfLife(deps: AppDeps, offer: Stored<Offer>): Promise<void> {
  const now = deps.clock.now();
  if (offer.fanOutSeenAt && now.getTime() - Date.parse(offer.fanOutSeenAt) < FANOUT_SIGN_SECONDS * 1000) return;
  try {
    await deps.offers.update(offer, { fanOutSeenAt: now.toISOString() });
  } catch (err) {
    if (!(err instanceof ConcurrencyError)) throw err;
  }
}
