// The latest learning triggers L&D recorded: what happened, its source, the areas and when to learn by,
// and Create briefing, which fills the offer composer as a 7-minute briefing on it.
import type { OrgView } from '../../../../api/shapes';
import { h, recordTable } from '../../dom';

export function triggersSection(org: OrgView, createBriefing: (trigger: OrgView['triggers'][number]) => void): HTMLElement {
  return h('section', { 'aria-labelledby': 'triggers' },
    h('h2', { id: 'triggers' }, 'Learning triggers'),
    org.triggers.length === 0 ? h('p', {}, 'None recorded. In your chat with Weave, type "new trigger".') : recordTable('Latest triggers',
      [{ title: 'What happened' }, { title: 'Source' }, { title: 'Areas' }, { title: 'Learn by', class: 'nowrap' }, { title: 'Briefing' }],
      org.triggers.map((t) => [t.summary, t.source, t.areas, t.dueDate ?? '—',
        h('button', { type: 'button', onclick: () => createBriefing(t) }, 'Create briefing', h('span', { class: 'visually-hidden' }, ` on “${t.summary}”`))]),
    ),
  );
}
