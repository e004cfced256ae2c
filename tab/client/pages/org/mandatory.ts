// Mandatory learning compliance by team and profession: totals only, small groups pooled, small counts not shown.
import type { OrgView } from '../../../../api/shapes';
import { h, recordTable } from '../../dom';

const cell = (n: number | null) => (n === null ? 'not shown' : String(n));

export function mandatorySection(org: OrgView): HTMLElement {
  return h('section', { 'aria-labelledby': 'mandatory' },
    h('h2', { id: 'mandatory' }, 'Mandatory learning'),
    h('p', { class: 'muted' }, org.mandatory.note),
    org.mandatory.tables.map((t) => recordTable(t.heading, [{ title: 'Group' }, { title: 'People' }, { title: 'Up to date' }, { title: 'Due soon' }, { title: 'Overdue' }],
      t.rows.map((r) => [r.group, String(r.people), cell(r.upToDate), cell(r.dueSoon), cell(r.overdue)]))),
  );
}
