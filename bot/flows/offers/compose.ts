// L&D compose a learning offer on a card: fill it in, see exactly what recipients will get and how
// many, then send it now or at a set time. Once it has gone, the same card shows its progress.
import { z } from 'zod';
import { type CardOf, updateCardContext } from '../../../app/cards';
import { audienceSummary } from '../../../app/offers/audience';
import { previewReach } from '../../../app/offers/allocation';
import { EMPTY_OFFER, saveForPreview, stillAsPreviewed, valuesOf } from '../../../app/offers/draft';
import { reservableGroups } from '../../../app/offers/reservableGroups';
import { invitationState } from '../../../app/offers/invitation';
import { schedulePreviewed, sendPreviewed } from '../../../app/offers/sending';
import { todayFor } from '../../../app/people/today';
import { offerValuesFor, teamsInServices } from '../../../app/plans/commissioning';
import { briefingValuesFor } from '../../../app/triggers/briefing';
import { clip } from '../../../core/text';
import { date, text, typed } from '../../../app/fields';
import { offerComposeCard, offerInvitationCard } from '../../../cards/offers';
import type { OfferValues } from '../../../core/offers';
import type { BotDeps } from '../../context';
import { defineAction, issueCard, type CardFlow, type FormState } from '../flow';
import { COMPOSE } from './audiences';
import { progressActions, progressCard } from './progress';

const scheduleInput = z.object({
  sendDate: date('Send on', { required: true }),
  sendTime: text('At', { max: 5, required: true }).refine((t) => t === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(t), 'At is not a time of day.'),
}).loose();

const idsOf = (card: CardOf<'offerCompose'>) => ({
  tenantId: card.tenantId, offerId: card.context.offerId, createdBy: card.recipientId, line: card.context.line ?? null, trigger: card.context.trigger ?? null,
});

/** What an offer is being made from (a commissioning line, or a learning trigger), and the composer's values filled from it. */
async function madeFrom(deps: BotDeps, card: CardOf<'offerCompose'>) {
  const { line: ref, trigger: triggerId } = card.context;
  const line = ref ? await deps.commissioning.getLine(card.tenantId, ref.year, ref.lineId) : undefined;
  if (line) return { heading: `New learning offer, from the plan's line "${line.title}"`, values: offerValuesFor(line, await teamsInServices(deps, card.tenantId, line.services)) };
  const trigger = triggerId ? await deps.plans.getTrigger(card.tenantId, triggerId) : undefined;
  if (trigger) return { heading: `A briefing on the learning trigger "${clip(trigger.summary, 60)}"`, values: briefingValuesFor(trigger) };
  return null;
}

export async function renderCompose(deps: BotDeps, card: CardOf<'offerCompose'>, form?: FormState) {
  const offer = await deps.offers.get(card.tenantId, card.context.offerId);
  if (offer && offer.status !== 'draft') return progressCard(deps, card, offer, form);
  const [teams, groups, today] = await Promise.all([deps.people.rosterTeams(card.tenantId), reservableGroups(deps, card.tenantId), todayFor(deps, card.tenantId, card.recipientId)]);
  const v = form?.values;
  const from = await madeFrom(deps, card);
  const values: OfferValues = v
    ? (Object.fromEntries(Object.keys(EMPTY_OFFER).map((k) => [k, typed(v, k, 4000)])) as OfferValues)
    : offer ? valuesOf(offer) : { ...EMPTY_OFFER, allocation: deps.offerPolicy.allocation.mode, ...from?.values };
  if (!values.withNeed) values.withNeed = 'false';
  if (offer && card.context.previewing === true && !form?.errors?.length) {
    const summary = await audienceSummary(deps, offer);
    const reach = await previewReach(deps, offer, summary.audience, today);
    return offerComposeCard({
      cardId: card.cardId, heading: 'Check before you send', values, teams, groups, today, errors: [], note: form?.note ?? '',
      preview: {
        audienceLine: summary.line, reach: reach.lines,
        invite: offerInvitationCard(offer, card.cardId, await invitationState(deps, offer, undefined, today, false), deps.config.publicUrl),
      },
      actions: [
        { title: 'Send now', verb: 'offer.send', style: 'positive' },
        ...(reach.suggestion ? [{ title: reach.suggestion.label, verb: 'offer.reserve' }] : []),
        { title: 'Send later…', verb: 'offer.schedule', schedule: { today } },
        { title: 'Change something', verb: 'offer.edit' },
      ],
    });
  }
  return offerComposeCard({
    cardId: card.cardId, heading: from?.heading ?? 'New learning offer', values, teams, groups, today, errors: form?.errors ?? [], note: form?.note ?? '', preview: null,
    actions: [{ title: 'Preview', verb: 'offer.preview', style: 'positive' }],
  });
}

export const offerComposeFlow: CardFlow<'offerCompose'> = {
  kind: 'offerCompose',
  render: renderCompose,
  actions: {
    'offer.preview': defineAction({
      schema: z.looseObject({}),
      audience: COMPOSE,
      closesCard: false,
      async handle({ deps }, card, raw) {
        const saved = await saveForPreview(deps, idsOf(card), raw);
        if ('invalid' in saved) return saved;
        return { card: await renderCompose(deps, await updateCardContext(deps.cards, card, { ...card.context, previewing: true, draftEtag: saved.draftEtag })) };
      },
    }),
    'offer.reserve': defineAction({
      schema: z.looseObject({}),
      audience: COMPOSE,
      closesCard: false,
      async handle({ deps }, card) {
        // The suggestion is worked out again here, from the draft as previewed: nothing on the card says what to reserve.
        const offer = await deps.offers.get(card.tenantId, card.context.offerId);
        if (!stillAsPreviewed(offer, card.context)) return { invalid: ['The offer has changed since its preview: preview it again.'] };
        const reach = await previewReach(deps, offer, (await audienceSummary(deps, offer)).audience, await todayFor(deps, card.tenantId, card.recipientId));
        if (!reach.suggestion) return { invalid: ['There is no group to reserve places for now.'] };
        const saved = await saveForPreview(deps, idsOf(card), reach.suggestion.values);
        if ('invalid' in saved) return saved;
        return { card: await renderCompose(deps, await updateCardContext(deps.cards, card, { ...card.context, previewing: true, draftEtag: saved.draftEtag }), { note: `${reach.suggestion.label}: check the preview, then send.` }) };
      },
    }),
    'offer.edit': defineAction({
      schema: z.looseObject({}),
      audience: COMPOSE,
      closesCard: false,
      async handle({ deps }, card) {
        return { card: await renderCompose(deps, await updateCardContext(deps.cards, card, { ...card.context, previewing: false, draftEtag: null })) };
      },
    }),
    'offer.send': defineAction({
      schema: z.looseObject({}),
      audience: COMPOSE,
      closesCard: false,
      async handle({ deps }, card) {
        const outcome = await sendPreviewed(deps, card.tenantId, card.context.offerId, card.context);
        if ('invalid' in outcome) return outcome;
        return { card: await renderCompose(deps, card, 'sending' in outcome ? { note: 'Sending now. This card shows how it is going; press Refresh.' } : undefined) };
      },
    }),
    'offer.schedule': defineAction({
      schema: scheduleInput,
      audience: COMPOSE,
      closesCard: false,
      async handle({ deps }, card, input) {
        const outcome = await schedulePreviewed(deps, card.tenantId, card.context.offerId, card.context, input.sendDate, input.sendTime);
        return 'invalid' in outcome ? outcome : { card: await renderCompose(deps, card, { note: outcome.note }) };
      },
    }),
    ...progressActions(renderCompose),
  },
};

/** L&D's `offers`: each offer's progress card, newest first. */
export async function offerProgressCards(deps: BotDeps, tenantId: string, adminId: string) {
  const offers = (await deps.offers.list(tenantId)).filter((o) => o.status !== 'draft').sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 5);
  return Promise.all(offers.map((o) => issueCard(deps, offerComposeFlow, { tenantId, recipientId: adminId, context: { offerId: o.offerId }, ttlDays: 60 })));
}
