// A learning offer sent the way L&D sends one, over the messaging endpoint: the broadcast job the
// fault tests interrupt (a work-queue fan-out, then one outbox delivery per social worker).
import { expect } from 'vitest';
import { offerBatch } from '../../app/offers/sending';
import { hrRecord, type TestStack } from '../support/stack';
import * as teams from '../support/teams';
import { cardIdIn } from '../support/cards';

/** An L&D admin, installed; not a social worker, so not in the offer's audience. */
export async function ldAdmin(stack: TestStack): Promise<teams.TestUser> {
  const admin = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  await stack.seed([hrRecord(admin, { profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' })]);
  await stack.install(admin);
  return admin;
}

/**
 * Composes, previews and sends an offer to every social worker; answers its id and outbox batch.
 * `beforeSend` runs after the preview, just before Send is pressed (to stall Teams, say).
 */
export async function sendOfferToSocialWorkers(stack: TestStack, admin: teams.TestUser, beforeSend?: () => void): Promise<{ offerId: string; batch: string; cardId: string }> {
  const today = stack.rt.clock.now().getTime();
  const day = (n: number) => new Date(today + n * 86_400_000).toISOString().slice(0, 10);
  const { cards } = await stack.message(admin, 'new offer');
  const cardId = cardIdIn(cards[0]);
  await stack.act(admin, 'offer.preview', {
    cardId, title: 'Reflective learning set', description: 'Monthly, across professions.', format: 'reflective_learning_set', date: day(20), time: '14:00',
    durationMinutes: '90', location: 'Civic Centre', onlineUrl: '', capacity: '12', cpdHours: '1.5', closesOn: day(18), codes: 'CC5', professions: 'social_worker',
    teams: '', registration: 'any', withNeed: 'false',
  });
  beforeSend?.();
  expect((await stack.act(admin, 'offer.send', { cardId })).status).toBe(200);
  const [offer] = await stack.rt.offers.list(stack.tenantId);
  return { offerId: offer!.offerId, batch: offerBatch(offer!.offerId), cardId };
}

/** An invitation card as the connector received it. */
export const isInvite = (a: { activity: Record<string, unknown> }) => JSON.stringify(a.activity).includes('offer.book');
