// Who CPD reaches: each group's share of staff beside its share of CPD logged and of places, by
// profession, service, registration and team, under-served groups marked.
import type { OrgView } from '../../../../api/shapes';
import { barTable, h } from '../../dom';

const pct = (percent: number) => `${percent}%`;

export function equitySection(org: OrgView): HTMLElement {
  return h('section', { 'aria-labelledby': 'equity' },
    h('h2', { id: 'equity' }, 'Who CPD reaches'),
    h('p', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'key' }, h('span', { class: 'swatch' }), 'share of staff'), h('span', { class: 'key' }, h('span', { class: 'swatch second' }), 'share of CPD logged'), h('span', { class: 'key' }, h('span', { class: 'swatch third' }), 'share of places')),
    org.equity.map((d) => barTable(d.heading, ['Group', 'Staff', 'CPD logged', 'Places'], d.rows.map((r) => ({
      label: r.underServed ? `${r.group} (under-served)` : r.group,
      values: [{ value: r.workforceShare, text: pct(r.workforceShare) }, { value: r.cpdShare, text: pct(r.cpdShare) }, { value: r.placesShare, text: pct(r.placesShare) }],
    })), 100)),
    h('p', { class: 'muted' }, org.equityNote),
  );
}
