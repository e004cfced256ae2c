// Keeping learning offers moving. Every few minutes: offers scheduled for now start sending; a
// stalled fan-out starts again; Applications offers that have closed are allocated; places held
// for someone who did not confirm in time move on, and free places go to whoever waits; an offer whose every delivery has ended is marked sent and L&D
// get the final report. Each working morning: attendees are reminded the
// working day before, with a link to add it to their calendar.
import type { AppDeps } from '../app/deps';
import { allocateIfClosed } from '../app/offers/allocation';
import { releaseLapsedHolds } from '../app/offers/bookings';
import { errorFields } from '../core/log';
import { offerBatch, startSending } from '../app/offers/sending';
import { workingCalendar, workingDaysBefore, formatDay } from '../core/calendar';
import { localDate } from '../core/zonedTime';
import { FINAL_DELIVERY_STATES } from '../store/deliveries';
import { ConcurrencyError } from '../store/errors';

/**
 * A fan-out with no sign of life this long (a running one notes it at least once a minute, even
 * while it waits for sending to catch up) has stopped, and is started again (it queues nothing twice).
 */
const FANOUT_STALLED_MINUTES = 10;

export async function runOfferUpkeep(deps: AppDeps): Promise<string> {
  const tenantId = deps.config.tenantId;
  const now = deps.clock.now();
  const counts = { started: 0, restarted: 0, allocated: 0, released: 0, reported: 0, failed: 0 };
  for (const offer of await deps.offers.list(tenantId)) {
    try {
      if (offer.status === 'scheduled' && offer.sendAt && offer.sendAt <= now.toISOString()) {
        await startSending(deps, offer);
        counts.started += 1;
        continue;
      }
      if (offer.status !== 'sending' && offer.status !== 'sent') continue;
      // A fan-out that stopped (its page poisoned, or the process died before queueing it) starts again.
      const lastSign = offer.fanOutSeenAt ?? offer.sentAt;
      if (offer.status === 'sending' && !offer.fannedOutAt && lastSign && now.getTime() - Date.parse(lastSign) > FANOUT_STALLED_MINUTES * 60_000) {
        await deps.work.enqueue({ kind: 'offer-fanout', tenantId, offerId: offer.offerId, after: null });
        counts.restarted += 1;
      }
      // Applications that have closed are allocated, once, and everyone who applied is told why.
      if ((await allocateIfClosed(deps, offer)) === 'allocated') counts.allocated += 1;
      // Holds not confirmed in time move on, and any place left free goes to whoever waits.
      counts.released += await releaseLapsedHolds(deps, offer);
      if (offer.status === 'sending' && offer.fannedOutAt) {
        const deliveries = await deps.deliveries.listBatch(offerBatch(offer.offerId));
        if (deliveries.every((d) => FINAL_DELIVERY_STATES.includes(d.state))) {
          // The report first: sending it twice is harmless, marking sent without it would lose it.
          await deps.outbox.sendCard({ tenantId, batch: `offer-report|${offer.offerId}`, recipientId: offer.createdBy, kind: 'offerCompose', context: { offerId: offer.offerId } });
          await deps.offers.update(offer, { status: 'sent', reportedAt: now.toISOString() });
          counts.reported += 1;
        }
      }
    } catch (err) {
      if (err instanceof ConcurrencyError) continue; // someone acted on it meanwhile: the next pass sees it
      // One offer's trouble does not stop the others; the run reports failure and is retried.
      deps.log.error('offer.upkeep_failed', errorFields(err));
      counts.failed += 1;
    }
  }
  const summary = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
  if (counts.failed > 0) throw new Error(`offer upkeep: ${summary}`);
  return summary;
}

export async function runOfferReminders(deps: AppDeps): Promise<string> {
  const tenantId = deps.config.tenantId;
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  const calendar = workingCalendar();
  if (!calendar.isWorkingDay(today)) return 'not a working day';
  let reminded = 0;
  for (const offer of await deps.offers.list(tenantId)) {
    if ((offer.status !== 'sending' && offer.status !== 'sent') || offer.date <= today) continue;
    if (workingDaysBefore(offer.date, deps.offerPolicy.reminderWorkingDaysBefore, calendar) !== today) continue;
    for (const b of (await deps.offers.listBookings(offer.offerId)).filter((x) => x.status === 'booked')) {
      await deps.outbox.sendText(tenantId, `offer-reminder|${offer.offerId}`, b.personId,
        `Reminder: "${offer.title}" is on ${formatDay(offer.date, today)} at ${offer.time}${offer.location ? `, ${offer.location}` : ''}${offer.onlineUrl ? ` (online: ${offer.onlineUrl})` : ''}. [Add it to your calendar](${deps.config.publicUrl}/api/offers/${offer.offerId}/event.ics). If you can no longer come, cancel on the offer card so your place goes to someone waiting.`);
      reminded += 1;
    }
  }
  return `reminded ${reminded}`;
}
