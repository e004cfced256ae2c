// The tab's offer composer: a preview of exactly what recipients get, fingerprinted, and a Send that
// must quote the fingerprint — so L&D send only what they saw, once, however often the request arrives.
import { createHash } from 'node:crypto';
import { deterministicId } from '../../core/ids';
import type { Offer } from '../../core/offers';
import { localDate } from '../../core/zonedTime';
import { ConcurrencyError } from '../../store/errors';
import type { AppDeps } from '../deps';
import { audienceSummary } from './audience';
import { draftOffer } from './draft';
import { startSending } from './sending';

/** What the offer says and who it goes to, hashed: Send must quote the preview's. */
function fingerprint(offer: Offer): string {
  const { tenantId: _t, offerId: _o, createdBy: _c, createdAt: _a, ...content } = offer;
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

type ComposeDeps = Pick<AppDeps, 'people' | 'needs' | 'offers' | 'conversations' | 'clock' | 'config' | 'planPolicy' | 'offerPolicy'>;

export interface ComposedOffer {
  offer: Offer;
  audience: string[];
  /** "It goes to 12 people.", counted as L&D may be told. */
  audienceLine: string;
  fingerprint: string;
}

/** The offer as composed so far, checked, with its audience: what the preview shows. */
/** What a composed offer is made from, if anything: a commissioning line of the plan, or a learning trigger. */
export interface MadeFrom {
  line?: { year: string; lineId: string } | null;
  trigger?: string | null;
}

export async function composeOffer(deps: ComposeDeps, tenantId: string, composerId: string, values: Record<string, unknown>, from: MadeFrom = {}): Promise<{ invalid: string[] } | ComposedOffer> {
  const draft = await draftOffer(deps, { tenantId, offerId: deterministicId('tab-preview', composerId), createdBy: composerId, ...from }, values);
  if ('invalid' in draft) return draft;
  const summary = await audienceSummary(deps, draft.offer);
  return { offer: draft.offer, audience: summary.audience, audienceLine: summary.line, fingerprint: fingerprint(draft.offer) };
}

/** Sends (or schedules) what was previewed, once: the same offer sent again finds the first. */
export async function sendComposed(
  deps: ComposeDeps & Pick<AppDeps, 'work' | 'log' | 'commissioning'>, tenantId: string, composerId: string, values: Record<string, unknown>, quoted: string | undefined, sendAtText: string | null | undefined,
  from: MadeFrom = {},
): Promise<{ invalid: string[] } | { id: string; status: Offer['status'] }> {
  const composed = await composeOffer(deps, tenantId, composerId, values, from);
  if ('invalid' in composed) return composed;
  if (quoted !== composed.fingerprint) return { invalid: ['The offer has changed since its preview: check the preview again, then send.'] };
  // With "only people with a need", an empty audience is not said: that would say nobody has one.
  if (composed.audience.length === 0 && !composed.offer.audience.withNeed) return { invalid: ['Nobody is in this audience: widen it before sending.'] };
  const sendAt = sendAtText ? new Date(sendAtText) : null;
  if (sendAt && (Number.isNaN(sendAt.getTime()) || sendAt <= deps.clock.now() || localDate(sendAt, deps.config.timeZone) > composed.offer.closesOn)) {
    return { invalid: ['Send later: choose a time from now until bookings close.'] };
  }
  // One offer per composer and content: a retried request (a lost response, a double click) finds it.
  const offerId = deterministicId('tab-offer', composerId, composed.fingerprint);
  if (!(await deps.offers.get(tenantId, offerId))) {
    await deps.offers.saveDraft({ ...composed.offer, offerId, createdAt: deps.clock.now().toISOString() }, null).catch((err: unknown) => {
      if (!(err instanceof ConcurrencyError)) throw err;
    });
  }
  const saved = (await deps.offers.get(tenantId, offerId))!;
  if (saved.status !== 'draft') return { id: offerId, status: saved.status };
  try {
    if (sendAt) await deps.offers.update(saved, { status: 'scheduled', sendAt: sendAt.toISOString() });
    else await startSending(deps, saved);
  } catch (err) {
    if (!(err instanceof ConcurrencyError)) throw err;
    return { id: offerId, status: (await deps.offers.get(tenantId, offerId))!.status };
  }
  deps.log.info('tab.offer', { status: sendAt ? 'scheduled' : 'sending' });
  return { id: offerId, status: sendAt ? 'scheduled' : 'sending' };
}
