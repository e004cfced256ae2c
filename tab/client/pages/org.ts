// Organisation (L&D admins): the organisation's learning and development plan, the equity view —
// who CPD reaches, by profession, registration and team — learning triggers, the offer composer
// and how past offers are going.
import type { ComposerOptions, OfferProgress, OrgView } from '../../../api/shapes';
import { barTable, h, recordTable, replace } from '../dom';
import { call, type Session } from '../session';
import { composer } from './compose';

const pct = (percent: number) => `${percent}%`;

function progressTable(offers: readonly OfferProgress[]): HTMLElement {
  if (offers.length === 0) return h('p', {}, 'No offers sent yet.');
  const num = { class: 'num' };
  return recordTable('Offers sent',
    [{ title: 'Offer' }, { title: 'Status' }, { title: 'Invited', ...num }, { title: 'Reached', ...num }, { title: 'Not reached', ...num }, { title: 'Places', ...num }, { title: 'Waiting', ...num }],
    offers.map((o) => [
      [o.title, h('div', { class: 'muted' }, `${o.format}, ${o.date}`)],
      o.status === 'sending' && o.pending ? `sending (${o.pending} to go)` : o.status,
      o.audience, o.sent, o.notReached,
      `${o.booked} of ${o.capacity}${o.held ? ` (${o.held} held)` : ''}`,
      String(o.waiting),
    ]),
  );
}

export async function orgPage(main: HTMLElement, session: Session): Promise<void> {
  const [org, options, offers] = await Promise.all([
    call<OrgView>(session, 'org'), call<ComposerOptions>(session, 'offers/options'), call<OfferProgress[]>(session, 'offers'),
  ]);
  const progress = h('div', {}, progressTable(offers));
  const reload = async () => {
    try {
      replace(progress, progressTable(await call<OfferProgress[]>(session, 'offers')));
    } catch (err) {
      replace(progress, h('p', { role: 'alert' }, (err as Error).message));
    }
  };
  replace(main,
    h('h1', {}, 'Organisation'),
    h('p', { class: 'strong' }, org.summary),
    h('section', { 'aria-labelledby': 'priorities' },
      h('h2', { id: 'priorities' }, 'Learning and development plan: priorities'),
      org.priorities.length === 0 ? h('p', {}, 'No open learning needs or triggers yet.') : [
        barTable('Priority by area of the Common Core', ['Area', 'Priority', 'People'], org.priorities.map((p) => ({ label: p.label, values: [{ value: p.score, text: String(p.score) }, { value: p.people, text: String(p.people), bar: false }] }))),
        h('div', { class: 'grid' }, org.priorities.map((p) => h('article', { class: 'card', 'aria-label': p.label }, h('h3', {}, p.label), h('ul', {}, p.lines.map((l) => h('li', {}, l)))))),
      ],
      h('p', {}, org.mentoring),
    ),
    h('section', { 'aria-labelledby': 'equity' },
      h('h2', { id: 'equity' }, 'Who CPD reaches'),
      h('p', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'key' }, h('span', { class: 'swatch' }), 'share of staff'), h('span', { class: 'key' }, h('span', { class: 'swatch second' }), 'share of CPD logged'), h('span', { class: 'key' }, h('span', { class: 'swatch third' }), 'share of places')),
      org.equity.map((d) => barTable(d.heading, ['Group', 'Staff', 'CPD logged', 'Places'], d.rows.map((r) => ({
        label: r.underServed ? `${r.group} (under-served)` : r.group,
        values: [{ value: r.workforceShare, text: pct(r.workforceShare) }, { value: r.cpdShare, text: pct(r.cpdShare) }, { value: r.placesShare, text: pct(r.placesShare) }],
      })), 100)),
      h('p', { class: 'muted' }, org.equityNote),
    ),
    h('section', { 'aria-labelledby': 'loop' },
      h('h2', { id: 'loop' }, 'Supervision, and what gets in the way'),
      h('p', { class: 'muted' }, org.loop.supervisionNote),
      org.loop.supervision.map((s) => recordTable(`Supervision against the policy, ${s.heading.toLowerCase()}`, [{ title: 'Group' }, { title: 'Supervision' }], s.rows.map((r) => [r.title, r.value]))),
      h('p', { class: 'muted' }, org.loop.barriersNote),
      org.loop.barriers.map((s) => recordTable(`What got in the way: ${s.heading}`, [{ title: 'Barrier' }, { title: 'People' }], s.rows.map((r) => [r.title, r.value]))),
    ),
    h('section', { 'aria-labelledby': 'triggers' },
      h('h2', { id: 'triggers' }, 'Learning triggers'),
      org.triggers.length === 0 ? h('p', {}, 'None recorded. In your chat with Weave, type "new trigger".') : recordTable('Latest triggers',
        [{ title: 'What happened' }, { title: 'Source' }, { title: 'Areas' }, { title: 'Learn by', class: 'nowrap' }],
        org.triggers.map((t) => [t.summary, t.source, t.areas, t.dueDate ?? '—']),
      ),
    ),
    h('section', { 'aria-labelledby': 'compose' },
      h('h2', { id: 'compose' }, 'Offer learning'),
      composer(session, options, () => void reload()),
    ),
    h('section', { 'aria-labelledby': 'progress' },
      h('h2', { id: 'progress' }, 'How offers are going'),
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => void reload() }, 'Refresh')),
      progress,
    ),
  );
}
