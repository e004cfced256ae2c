// L&D's offers in the tab: the composer's lists, a preview that is exactly the card recipients get,
// sending what was previewed, and each offer's progress.
import { z } from 'zod';
import { composeOffer, sendComposed, type MadeFrom } from '../../app/offers/composer';
import { previewReach } from '../../app/offers/allocation';
import { EMPTY_OFFER } from '../../app/offers/draft';
import { reservableGroups } from '../../app/offers/reservableGroups';
import { invitationState } from '../../app/offers/invitation';
import { allocationLines, offerProgress } from '../../app/offers/progress';
import { todayFor } from '../../app/people/today';
import { COMPOSER_CHOICES, offerInvitationCard } from '../../cards/offers';
import { OFFER_FORMATS } from '../../core/offers';
import { badRequest, ok, type ApiCall, type ApiRoute } from '../route';
import { currentYear } from '../../app/plans/agreements';
import { orgToday } from '../../app/people/today';
import type { ComposerOptions, OfferPreview, OfferProgress } from '../shapes';

const offerInput = z.object({
  values: z.record(z.string(), z.unknown()),
  /** The plan's commissioning line it is made from, if any. */
  line: z.string().uuid().nullable().optional(),
  /** The learning trigger it is a briefing on, if any. */
  trigger: z.string().max(64).nullable().optional(),
  sendAt: z.string().max(40).nullable().optional(),
  digest: z.string().max(100).optional(),
});

/** This year's commissioning line or the learning trigger an offer is made from, of those the composer names that exist. */
async function madeFrom(deps: ApiCall['deps'], tenantId: string, input: { line?: string | null; trigger?: string | null }): Promise<MadeFrom> {
  const year = currentYear(deps, orgToday(deps)).start;
  const [line, trigger] = await Promise.all([
    input.line ? deps.commissioning.getLine(tenantId, year, input.line) : undefined, input.trigger ? deps.plans.getTrigger(tenantId, input.trigger) : undefined,
  ]);
  return { line: line ? { year, lineId: line.lineId } : null, trigger: trigger?.triggerId ?? null };
}

/** The preview's card id: it is drawn, never issued, so nothing can act on it. */
const PREVIEW_CARD_ID = '00000000-0000-4000-8000-000000000000';

export const OFFER_ROUTES: readonly ApiRoute[] = [
  {
    name: 'tab-offer-options', route: 'tab/api/offers/options', method: 'GET', audience: 'ld_admin',
    async handle({ deps, me }) {
      const [teams, groups] = await Promise.all([deps.people.rosterTeams(me.tenantId), reservableGroups(deps, me.tenantId)]);
      const opt = (list: readonly { code: string; label: string }[]) => list.map((o) => ({ value: o.code, title: o.label }));
      return ok<ComposerOptions>({
        formats: opt(COMPOSER_CHOICES.formats), areas: opt(COMPOSER_CHOICES.codes), professions: opt(COMPOSER_CHOICES.professions),
        durations: opt(COMPOSER_CHOICES.durations), registration: opt(COMPOSER_CHOICES.registration),
        allocation: opt(COMPOSER_CHOICES.allocation), groups,
        teams: teams.map((t) => ({ value: t, title: t })), defaults: { ...EMPTY_OFFER, allocation: deps.offerPolicy.allocation.mode },
      });
    },
  },
  {
    name: 'tab-offers', route: 'tab/api/offers', method: 'GET', audience: 'ld_admin',
    async handle({ deps, me }) {
      const offers = (await deps.offers.list(me.tenantId)).filter((o) => o.status !== 'draft').sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 20);
      return ok<OfferProgress[]>(await Promise.all(offers.map(async (o) => {
        const { tally, shown, bookings: by, whyNot, evaluation } = await offerProgress(deps, o);
        return {
          id: o.offerId, title: o.title, format: OFFER_FORMATS[o.format], date: o.date, status: o.status, audience: shown(o.audienceSize),
          sent: shown(tally.sent), notReached: shown(tally.notInstalled + tally.blocked + tally.unreachable + tally.failed),
          pending: tally.toGo > 0 && o.status === 'sending' ? shown(tally.toGo) : null,
          booked: by.booked + by.attended, capacity: o.capacity, waiting: by.waiting, held: by.offered, whyNot,
          places: allocationLines(o, by.applied).map((l) => `${l.title}: ${l.value}`).join(' · '),
          evaluation: evaluation ? evaluation.text : '',
        };
      })));
    },
  },
  {
    name: 'tab-offer-preview', route: 'tab/api/offers/preview', method: 'POST', audience: 'ld_admin',
    async handle({ deps, me, body }) {
      const input = offerInput.safeParse(body);
      if (!input.success) return badRequest(['Send the offer as {"values": {…}}.']);
      const composed = await composeOffer(deps, me.tenantId, me.aadObjectId, input.data.values, await madeFrom(deps, me.tenantId, input.data));
      if ('invalid' in composed) return badRequest(composed.invalid);
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const [state, reach] = await Promise.all([invitationState(deps, composed.offer, undefined, today, false), previewReach(deps, composed.offer, composed.audience, today)]);
      return ok<OfferPreview>({
        card: offerInvitationCard(composed.offer, PREVIEW_CARD_ID, state, deps.config.publicUrl),
        audience: composed.audienceLine,
        digest: composed.fingerprint,
        reach: reach.lines,
        suggestion: reach.suggestion,
      });
    },
  },
  {
    name: 'tab-offer-send', route: 'tab/api/offers', method: 'POST', audience: 'ld_admin',
    async handle({ deps, me, body }) {
      const input = offerInput.safeParse(body);
      if (!input.success) return badRequest(['Send the offer as {"values": {…}, "digest": "…", "sendAt": null}.']);
      const sent = await sendComposed(deps, me.tenantId, me.aadObjectId, input.data.values, input.data.digest, input.data.sendAt, await madeFrom(deps, me.tenantId, input.data));
      return 'invalid' in sent ? badRequest(sent.invalid) : ok(sent);
    },
  },
];
