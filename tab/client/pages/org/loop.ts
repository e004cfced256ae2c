// Supervision against the cadence policy, and what got in the way of learning: totals only.
import type { OrgView } from '../../../../api/shapes';
import { h, recordTable } from '../../dom';

export function loopSection(org: OrgView): HTMLElement {
  return h('section', { 'aria-labelledby': 'loop' },
    h('h2', { id: 'loop' }, 'Supervision, and what gets in the way'),
    h('p', { class: 'muted' }, org.loop.supervisionNote),
    org.loop.supervision.map((s) => recordTable(`Supervision against the policy, ${s.heading.toLowerCase()}`, [{ title: 'Group' }, { title: 'Supervision' }], s.rows.map((r) => [r.title, r.value]))),
    h('p', { class: 'muted' }, org.loop.barriersNote),
    org.loop.barriers.map((s) => recordTable(s.heading.startsWith('Offers') ? s.heading : `What got in the way: ${s.heading}`, [{ title: 'Barrier' }, { title: 'People' }], s.rows.map((r) => [r.title, r.value]))),
  );
}
