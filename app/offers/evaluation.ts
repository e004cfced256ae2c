// After an offer made from a learning trigger or a commissioning line, each attendee is asked what it
// was worth: useful 1–5, will it change their practice, one line. Answered once, by them alone;
// rolled up per offer, per trigger and per commissioning line (core/evaluation.ts).
import { summariseEvaluations, type ChangeAnswer, type EvaluationSummary } from '../../core/evaluation';
import type { Booking, Offer } from '../../core/offers';
import { ConcurrencyError } from '../../store/errors';
import type { AppDeps } from '../deps';

/** Offers whose attendees are asked: those that answer a trigger or deliver a line of the plan. */
export const evaluated = (offer: Pick<Offer, 'trigger' | 'commissionLine'>) => !!offer.trigger || !!offer.commissionLine;

/** Asks an attendee, once (the batch key makes asking again harmless). */
export async function askForEvaluation(deps: Pick<AppDeps, 'outbox'>, offer: Offer, personId: string): Promise<void> {
  if (!evaluated(offer)) return;
  await deps.outbox.sendCard({ tenantId: offer.tenantId, batch: `offer-evaluation|${offer.offerId}`, recipientId: personId, kind: 'offerEvaluation', context: { offerId: offer.offerId } });
}

export async function saveEvaluation(
  deps: Pick<AppDeps, 'offers' | 'clock' | 'log'>, offer: Offer, personId: string, input: { useful: number; change: ChangeAnswer; line: string },
): Promise<{ invalid: string[] } | { saved: true }> {
  const booking = await deps.offers.getBooking(offer.offerId, personId);
  if (booking?.status !== 'attended') return { invalid: ['Only people marked as having attended can say what it was worth.'] };
  if (booking.evaluation) return { invalid: ['You have already said what it was worth: thank you.'] };
  try {
    await deps.offers.writeBooking({ ...booking, evaluation: { ...input, at: deps.clock.now().toISOString() }, updatedAt: deps.clock.now().toISOString() }, booking);
  } catch (err) {
    if (err instanceof ConcurrencyError) return { invalid: ['You have already said what it was worth: thank you.'] };
    throw err;
  }
  deps.log.info('offer.evaluated', {}); // never what they said
  return { saved: true };
}

/** What attendees of these bookings said, rolled up as L&D may see it. */
export function evaluationOf(bookings: readonly Booking[], t: number): EvaluationSummary {
  return summariseEvaluations(bookings.flatMap((b) => (b.status === 'attended' && b.evaluation ? [b.evaluation] : [])), t);
}
