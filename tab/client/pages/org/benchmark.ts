// The workforce benchmark from appraisal self-ratings (1 to 4 per area of the Common Core): the
// organisation's mean per area this year beside last year's, how the ratings spread, and the means
// by profession and by service. Anything from too few people is not shown.
import type { BenchmarkView } from '../../../../api/shapes';
import { barTable, h, recordTable } from '../../dom';
import { meanText } from '../../format';

/** As the appraisal card words them. */
const RATINGS = ['1 Not yet', '2 Developing', '3 Secure', '4 A strength'];

function meansTable(caption: string, areas: readonly string[], groups: BenchmarkView['byProfession']): HTMLElement {
  if (groups.length === 0) return h('p', {}, `${caption}: too few ratings to show.`);
  return recordTable(caption,
    [{ title: 'Group' }, { title: 'People who rated', class: 'num' }, ...areas.map((a) => ({ title: a, class: 'figure' }))],
    groups.map((g) => [g.group, String(g.respondents), ...g.means.map(meanText)]),
  );
}

export function benchmarkPart(benchmark: BenchmarkView): HTMLElement {
  if (benchmark.respondents === 0) return h('p', {}, `No self-ratings from appraisals yet in ${benchmark.year}.`);
  const areas = benchmark.areas.map((a) => a.area);
  const compared = benchmark.areas.some((a) => a.lastYear !== null);
  return h('div', { class: 'benchmark' },
    h('p', {}, `${benchmark.respondents} people rated themselves at appraisal in ${benchmark.year}, from 1 (not yet) to 4 (a strength they could share).`),
    compared ? h('p', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'key' }, h('span', { class: 'swatch' }), benchmark.year), h('span', { class: 'key' }, h('span', { class: 'swatch second' }), 'the year before')) : null,
    barTable('Mean self-rating by area', compared ? ['Area', benchmark.year, 'Year before'] : ['Area', benchmark.year], benchmark.areas.map((a) => ({
      label: a.label,
      values: [
        { value: a.mean ?? 0, text: meanText(a.mean), count: false },
        ...(compared ? [{ value: a.lastYear ?? 0, text: meanText(a.lastYear), count: false }] : []),
      ],
    })), 4),
    compared ? null : h('p', { class: 'muted' }, 'No ratings from the year before to compare with yet.'),
    recordTable('How many rated themselves 1, 2, 3 or 4',
      [{ title: 'Area' }, ...RATINGS.map((r) => ({ title: r, class: 'num' }))],
      benchmark.areas.map((a) => [a.label, ...a.distribution]),
    ),
    meansTable('Mean self-rating by profession', areas, benchmark.byProfession),
    meansTable('Mean self-rating by service', areas, benchmark.byService),
    h('p', { class: 'muted' }, 'Groups under 3 people are pooled, and a figure that would let someone’s rating be worked out is not shown.'),
  );
}
