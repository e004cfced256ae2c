// How the team rates itself: its mean self-rating per area of the Common Core at appraisal beside
// the organisation's, a mean from too few people not shown.
import type { TeamAgreementView } from '../../../../api/shapes';
import { barTable, h } from '../../dom';
import { meanText } from '../../format';

/** The team's mean self-rating per area beside the organisation's; a mean from too few people is not shown. */
export function teamBenchmark(view: TeamAgreementView): HTMLElement {
  return h('section', { 'aria-labelledby': 'team-benchmark' },
    h('h2', { id: 'team-benchmark' }, 'How the team rates itself'),
    view.benchmark.length === 0 ? h('p', {}, 'No self-ratings from appraisals yet this year.') : [
      h('p', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'key' }, h('span', { class: 'swatch' }), 'the team'), h('span', { class: 'key' }, h('span', { class: 'swatch second' }), 'the organisation')),
      barTable(`Mean self-rating at appraisal, 1 to 4, in ${view.year}`, ['Area', 'Team', 'Organisation'], view.benchmark.map((b) => ({
        label: b.label,
        values: [{ value: b.team ?? 0, text: meanText(b.team), count: false }, { value: b.organisation ?? 0, text: meanText(b.organisation), count: false }],
      })), 4),
      h('p', { class: 'muted' }, 'A mean is not shown where too few people rated an area to keep anyone’s rating private.'),
    ],
  );
}
