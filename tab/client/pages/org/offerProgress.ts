// How L&D's offers are going: each offer sent, its reach and its places, refreshed on request and
// whenever an offer is sent.
import type { OfferProgress } from '../../../../api/shapes';
import { h, recordTable, replace } from '../../dom';
import { call, type Session } from '../../session';

function progressTable(offers: readonly OfferProgress[]): HTMLElement {
  if (offers.length === 0) return h('p', {}, 'No offers sent yet.');
  const num = { class: 'num' };
  return recordTable('Offers sent',
    [{ title: 'Offer' }, { title: 'Status' }, { title: 'Invited', ...num }, { title: 'Reached', ...num }, { title: 'Not reached', ...num }, { title: 'Places', ...num }, { title: 'Waiting', ...num }],
    offers.map((o) => [
      [o.title, h('div', { class: 'muted' }, `${o.format}, ${o.date}`), o.places ? h('div', { class: 'muted' }, o.places) : null, o.evaluation ? h('div', { class: 'muted' }, `What attendees said: ${o.evaluation}`) : null, o.whyNot ? h('div', { class: 'muted' }, `Not for them because: ${o.whyNot}`) : null],
      o.status === 'sending' && o.pending ? `sending (${o.pending} to go)` : o.status,
      o.audience, o.sent, o.notReached,
      `${o.booked} of ${o.capacity}${o.held ? ` (${o.held} held)` : ''}`,
      String(o.waiting),
    ]),
  );
}

export function offerProgressSection(session: Session, first: readonly OfferProgress[]): { element: HTMLElement; reload(): Promise<void> } {
  const progress = h('div', {}, progressTable(first));
  const reload = async () => {
    try {
      replace(progress, progressTable(await call<OfferProgress[]>(session, 'offers')));
    } catch (err) {
      replace(progress, h('p', { role: 'alert' }, (err as Error).message));
    }
  };
  const element = h('section', { 'aria-labelledby': 'progress' },
    h('h2', { id: 'progress' }, 'How offers are going'),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => void reload() }, 'Refresh')),
    progress,
  );
  return { element, reload };
}
