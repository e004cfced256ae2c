// Keeping learning offers moving. Every few minutes: offers scheduled for now start sending; places
// held for someone who did not confirm in time move on; an offer whose every delivery has ended is
// marked sent and L&D get the final report. Each working morning: attendees are reminded the
// working day before, with a link to add it to their calendar.
import type { BotDeps } from '../bot/context';
import { reconcileTaken, releaseLapsedHolds } from '../bot/bookings';
import { offerBatch, offerComposeFlow, startSending } from '../bot/flows/offers';
import { workingCalendar, workingDaysBefore, formatDay } from '../core/calendar';
import { localDate } from '../core/zonedTime';
import { FINAL_DELIVERY_STATES } from '../store/deliveries';
import { ConcurrencyError } from '../store/tables';

export async function runOfferUpkeep(deps: BotDeps): Promise<string> {
  const tenantId = deps.config.tenantId;
  const now = deps.clock.now().toISOString();
  const counts = { started: 0, released: 0, reported: 0 };
  for (const offer of await deps.offers.list(tenantId)) {
    try {
      if (offer.status === 'scheduled' && offer.sendAt && offer.sendAt <= now) {
        await startSending(deps, offer);
        counts.started += 1;
        continue;
      }
      if (offer.status !== 'sending' && offer.status !== 'sent') continue;
      counts.released += await releaseLapsedHolds(deps, offer);
      const fresh = await deps.offers.get(tenantId, offer.offerId);
      if (fresh) await reconcileTaken(deps, fresh);
      if (offer.status === 'sending' && offer.fannedOutAt) {
        const deliveries = await deps.deliveries.listBatch(offerBatch(offer.offerId));
        if (deliveries.every((d) => FINAL_DELIVERY_STATES.includes(d.state))) {
          const latest = (await deps.offers.get(tenantId, offer.offerId))!;
          await deps.offers.update(latest, { status: 'sent', reportedAt: now });
          await deps.outbox.sendCard({ tenantId, batch: `offer-report|${offer.offerId}`, recipientId: offer.createdBy, kind: offerComposeFlow.kind, context: { offerId: offer.offerId } });
          counts.reported += 1;
        }
      }
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err; // someone acted on it meanwhile: the next pass sees it
    }
  }
  return Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
}

export async function runOfferReminders(deps: BotDeps): Promise<string> {
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
        `Reminder: "${offer.title}" is on ${formatDay(offer.date)} at ${offer.time}${offer.location ? `, ${offer.location}` : ''}${offer.onlineUrl ? ` (online: ${offer.onlineUrl})` : ''}. [Add it to your calendar](${deps.config.publicUrl}/api/offers/${offer.offerId}/event.ics). If you can no longer come, cancel on the offer card so your place goes to someone waiting.`);
      reminded += 1;
    }
  }
  return `reminded ${reminded}`;
}
