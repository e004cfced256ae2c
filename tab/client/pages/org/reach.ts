// Who the year's places and money reach: places and spend per head by profession, by service and
// registered or not ("first come, first served and the pot was empty", made visible). Counts too
// small to show come as words.
import type { ReachView } from '../../../../api/shapes';
import { h, recordTable } from '../../dom';

export function reachPart(reach: readonly ReachView[]): HTMLElement {
  return h('div', { class: 'reach' },
    reach.map((table) => recordTable(table.heading,
      [{ title: 'Group' }, { title: 'Staff', class: 'num' }, { title: 'Places', class: 'num' }, { title: 'Places per head', class: 'figure' }, { title: 'Spent', class: 'figure' }, { title: 'Spent per head', class: 'figure' }],
      table.rows.map((r) => [r.group, String(r.headcount), r.places, r.placesPerHead, r.spent, r.spentPerHead]),
    )),
    h('p', { class: 'muted' }, 'Places are bookings on this year’s offers; spend is each delivered line’s cost shared among the people who attended it. Counts too small to show, and any that would let one be worked out, are not shown.'),
  );
}
