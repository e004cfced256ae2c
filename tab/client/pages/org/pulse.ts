// Is "us and them" closing? The integration pulse by quarter for the organisation, then by service
// and by profession with each group's cross-profession activity beside it (side by side, not as
// cause), and the groups whose "valued" share has fallen two quarters running. Anonymous: a figure
// from too few answers arrives as null and reads "not shown".
import type { OrgPulseView, PulseFiguresView } from '../../../../api/shapes';
import { h, recordTable } from '../../dom';

const pct = (f: PulseFiguresView, k: 'understand' | 'contact' | 'valued' | 'learned') => (f ? `${f[k]}%` : 'not shown');
const count = (n: number | null) => (n === null ? 'fewer than 3' : String(n));

export function pulseSection(p: OrgPulseView): HTMLElement {
  const latest = p.quarters.length - 1;
  const label = p.quarters[latest]?.label ?? '';
  const valuedTrend = (trend: readonly PulseFiguresView[]) => trend.slice(-3).map((f) => (f ? `${f.valued}%` : '–')).join(' → ');
  return h('section', { 'aria-labelledby': 'pulse' },
    h('h2', { id: 'pulse' }, 'Is “us and them” closing? The integration pulse'),
    h('p', { class: 'muted' }, p.note),
    p.flagged.length ? h('ul', {}, p.flagged.map((f) => h('li', { class: 'strong' }, f.suggestion))) : null,
    recordTable('The organisation, by quarter', [{ title: 'Quarter' }, { title: 'Answered' }, { title: 'Understand other roles' }, { title: 'Know who to contact' }, { title: 'Feel valued' }, { title: 'Learned from another profession' }],
      p.quarters.map((q, i) => {
        const f = p.organisation[i] ?? null;
        return [q.label, f ? String(f.responses) : 'not shown', pct(f, 'understand'), pct(f, 'contact'), pct(f, 'valued'), pct(f, 'learned')] as const;
      })),
    p.dimensions.map((d) => recordTable(`${d.heading}, ${label}, with cross-profession activity in the last three months`, [
      { title: 'Group' }, { title: 'Answered' }, { title: 'Understand' }, { title: 'Know who to contact' }, { title: 'Feel valued (last three quarters)' }, { title: 'Learned' },
      { title: 'In pairs that met' }, { title: 'Shadowing' }, { title: 'Places with other professions' },
    ], d.rows.map((r) => {
      const f = r.trend[latest] ?? null;
      return [r.falling ? `${r.group} (valued falling)` : r.group, f ? String(f.responses) : 'not shown', pct(f, 'understand'), pct(f, 'contact'), valuedTrend(r.trend), pct(f, 'learned'),
        count(r.activity.pairsMet), count(r.activity.shadowing), count(r.activity.mixedPlaces)] as const;
    }))),
    h('p', { class: 'muted' }, p.activityNote),
  );
}
