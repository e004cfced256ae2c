// Who leaves: turnover over 12 months by profession, service, team, career stage and length of service,
// beside the CPD and places each group had. Totals only; small counts not shown.
import type { OrgView } from '../../../../api/shapes';
import { h, recordTable } from '../../dom';

export function turnoverSection(org: OrgView): HTMLElement {
  return h('section', { 'aria-labelledby': 'turnover' },
    h('h2', { id: 'turnover' }, 'Who leaves'),
    h('p', { class: 'muted' }, org.turnover.note),
    org.turnover.tables.map((t) => recordTable(`Turnover over 12 months, ${t.heading.toLowerCase()}`, [{ title: 'Group' }, { title: 'People' }, { title: 'Left' }, { title: 'Turnover' }, { title: 'CPD a head' }, { title: 'Places a head' }],
      t.rows.map((r) => [r.group, String(r.people), r.leavers === null ? 'not shown' : String(r.leavers), r.ratePercent === null ? 'not shown' : `${r.ratePercent}%`, String(r.cpdPerHead), String(r.placesPerHead)]))),
  );
}
