// An offer's progress, on the card L&D composed it with: delivery, places and bookings, withdrawing
// it, and marking who attended (which puts it in their CPD records).
import { z } from 'zod';
import { type CardOf, updateCardContext } from '../../../app/cards';
import { number, picked } from '../../../app/fields';
import { markAttendance } from '../../../app/offers/attendance';
import { allocationLines, offerProgress } from '../../../app/offers/progress';
import { withdrawOffer } from '../../../app/offers/sending';
import { offerProgressCard } from '../../../cards/offers';
import { formatDate } from '../../../core/calendar';
import { OFFER_FORMATS, type Offer } from '../../../core/offers';
import { plural } from '../../../core/words';
import type { AdaptiveCardJson } from '../../../core/conversation';
import type { BotDeps } from '../../context';
import { defineAction, type CardAction, type FormState } from '../flow';
import { ATTENDANCE, COMPOSE } from './audiences';
import { attendancePage } from './attendancePage';


function statusLine(offer: Offer, shown: (n: number) => string, ended: number, toGo: number): string {
  switch (offer.status) {
    case 'scheduled': return `Scheduled to send ${offer.sendAt?.slice(0, 16).replace('T', ' ')} (UTC).`;
    case 'sending': return `Sending to ${shown(offer.audienceSize)} people: ${shown(ended)} done, ${shown(toGo)} to go.`;
    case 'sent': return `Sent to ${shown(offer.audienceSize)} people. Every delivery has ended.`;
    default: return 'Withdrawn: everyone who had booked or was waiting was told.';
  }
}

export async function progressCard(deps: BotDeps, card: CardOf<'offerCompose'>, offer: Offer, form?: FormState): Promise<AdaptiveCardJson> {
  const p = await offerProgress(deps, offer, { names: true });
  const { tally, shown, bookings: by } = p;
  const attendees = attendancePage(p.holders, card.context.attendancePage ?? 0);
  return offerProgressCard({
    cardId: card.cardId,
    eyebrow: `Learning offer: ${OFFER_FORMATS[offer.format]}, ${formatDate(offer.date)}`,
    title: offer.title,
    status: statusLine(offer, shown, tally.ended, tally.toGo),
    delivery: [
      { title: 'Sent', value: shown(tally.sent) },
      { title: 'Not installed', value: `${shown(tally.notInstalled)}${tally.notInstalled ? ' (have not opened Weave in Teams: not reachable until they do)' : ''}` },
      ...(tally.blocked ? [{ title: 'Blocked by policy', value: `${shown(tally.blocked)} (an app permission policy keeps Weave from them: ask your Teams admin)` }] : []),
      { title: 'Unreachable', value: `${shown(tally.unreachable)}${tally.unreachable ? ' (blocked or removed Weave)' : ''}` },
      { title: 'Failed', value: shown(tally.failed) },
      { title: 'Still going', value: shown(tally.toGo) },
    ],
    reasons: p.failures.map((r) => `Failed because: ${r}`),
    places: [
      ...allocationLines(offer, by.applied),
      { title: 'Booked', value: `${by.booked + by.attended} of ${offer.capacity}${p.placesHeld !== null ? ` (${p.placesHeld} held)` : ''}` },
      { title: 'Held for someone to confirm', value: String(by.offered) },
      { title: 'Waiting list', value: String(by.waiting) },
      { title: 'Not for them', value: String(by.declined) },
      ...(p.whyNot ? [{ title: 'Why not, as they said', value: p.whyNot }] : []),
      { title: 'Attended', value: String(by.attended) },
      ...(p.evaluation ? [{ title: 'What attendees said', value: p.evaluation.text }] : []),
      ...(p.evaluation?.lines.length ? [{ title: 'In their words (unsigned)', value: p.evaluation.lines.map((l) => `“${l}”`).join(' ') }] : []),
    ],
    attendees: attendees.people.map(({ id, name }) => ({ id, name })),
    attended: attendees.people.filter((a) => a.attended).map((a) => a.id),
    attendancePage: { label: attendees.label, turns: attendees.turns },
    withdrawable: offer.status === 'scheduled' || offer.status === 'sending' || offer.status === 'sent',
    note: form?.note ?? '',
    errors: form?.errors ?? [],
    footer: offer.allocation.mode === 'applications'
      ? 'Places are allocated when applications close: people with a learning need in these areas first, then registrants short of their regulator, people with no recent CPD and groups that have had fewer places; ties drawn in a recorded order. Everyone who applied is told why.'
      : 'Places go by need before speed: people with a learning need in these areas, registrants short of their regulator, and people with no recent CPD go first on the waiting list.',
  });
}

type Render = (deps: BotDeps, card: CardOf<'offerCompose'>, form?: FormState) => Promise<AdaptiveCardJson>;

/** What L&D can do on an offer's progress card; `render` draws the card again after. */
export function progressActions(render: Render): Record<string, CardAction<z.ZodType, 'offerCompose'>> {
  return {
    'offer.refresh': defineAction({
      schema: z.looseObject({}),
      audience: COMPOSE,
      closesCard: false,
      async handle({ deps }, card) {
        return { card: await render(deps, card) };
      },
    }),
    'offer.withdraw': defineAction({
      schema: z.looseObject({}),
      audience: COMPOSE,
      closesCard: false,
      async handle({ deps }, card) {
        const outcome = await withdrawOffer(deps, card.tenantId, card.context.offerId);
        return 'invalid' in outcome ? outcome : { card: await render(deps, card, { note: 'Withdrawn.' }) };
      },
    }),
    'offer.attendancePage': defineAction({
      schema: z.object({ page: number('Page', { min: 0, max: 100, required: true }).refine((n) => Number.isInteger(n), 'Page must be a whole number.') }),
      audience: ATTENDANCE,
      closesCard: false,
      async handle({ deps }, card, input) {
        return { card: await render(deps, await updateCardContext(deps.cards, card, { ...card.context, attendancePage: input.page })) };
      },
    }),
    'offer.attendance': defineAction({
      schema: z.object({ attended: picked('Who attended', { max: 500 }) }),
      audience: ATTENDANCE,
      closesCard: false,
      async handle({ deps }, card, input) {
        const outcome = await markAttendance(deps, card.tenantId, card.context.offerId, input.attended);
        return 'invalid' in outcome ? outcome : { card: await render(deps, card, { note: `Attendance saved: ${plural(outcome.added, 'new record', 'new records')} in people's CPD.` }) };
      },
    }),
  };
}
