// Career aspirations and who has moved on, by profession, service, registered or not, qualified or not: totals only.
import type { OrgView } from '../../../../api/shapes';
import { h, recordTable } from '../../dom';

const cell = (n: number | null) => (n === null ? 'not shown' : String(n));

export function pathwaysSection(org: OrgView): HTMLElement {
  return h('section', { 'aria-labelledby': 'pathways' },
    h('h2', { id: 'pathways' }, 'Career pathways'),
    h('p', { class: 'muted' }, org.pathways.note),
    org.pathways.tables.map((t) => recordTable(`Aspirations, ${t.heading.toLowerCase()}`, [{ title: 'Group' }, { title: 'People' }, { title: 'Aiming' }, { title: 'Not now' }, { title: 'Not said' }, { title: 'Moved on' }],
      t.rows.map((r) => [r.group, String(r.people), cell(r.aiming), cell(r.notNow), cell(r.notSaid), cell(r.moved)]))),
  );
}
