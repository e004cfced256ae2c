// Learning offers for L&D: compose and send one, and follow the ones already out.
import type { Asking } from '../context';
import { issueCard } from '../flows/flow';
import { offerComposeFlow, offerProgressCards } from '../flows/offers/compose';
import type { CommandDef } from './command';

export const newOfferCommand: CommandDef = {
  name: 'new offer',
  aliases: ['offer', 'broadcast', 'new workshop'],
  summary: 'Offer a workshop, study day, learning set or briefing to the right people, with places and a waiting list.',
  audience: 'ld_admin',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const card = await issueCard(deps, offerComposeFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 60, context: { offerId: deps.newId() } });
    return [{ card, summary: 'New learning offer' }];
  },
};

export const offersCommand: CommandDef = {
  name: 'offers',
  aliases: ['my offers', 'offer status'],
  summary: 'See how your latest offers are going: delivery, places, waiting lists; mark attendance.',
  audience: 'ld_admin',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const cards = await offerProgressCards(deps, turn.tenantId, turn.user.aadObjectId);
    if (cards.length === 0) return [{ text: 'No offers have gone out yet. Type **new offer** to make one.' }];
    return cards.map((card) => ({ card, summary: 'Learning offer' }));
  },
};
