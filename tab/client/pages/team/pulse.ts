// The integration pulse for a manager: their team against the organisation, quarter by quarter; the
// service the team is pooled into where its own answers are too few to show.
import type { PulseFiguresView, TeamPulseView } from '../../../../api/shapes';
import { h, recordTable } from '../../dom';

const line = (f: PulseFiguresView) => (f ? `${f.understand}% understand · ${f.contact}% know who to contact · ${f.valued}% feel valued · ${f.learned}% learned (${f.responses} answered)` : 'not shown');

export function teamPulseSection(p: TeamPulseView): HTMLElement {
  return h('section', { 'aria-labelledby': 'team-pulse' },
    h('h2', { id: 'team-pulse' }, 'Integration pulse'),
    h('p', { class: 'muted' }, p.note),
    recordTable('Your team against the organisation, by quarter', [{ title: 'Quarter' }, { title: 'Your team' }, { title: 'The organisation' }],
      p.quarters.map((q) => [
        q.label,
        !q.mine || q.mine.level === 'organisation' ? 'not shown' : `${q.mine.level === 'service' ? `Pooled into ${q.mine.name}: ` : ''}${line(q.mine.figures)}`,
        line(q.organisation),
      ] as const)),
  );
}
