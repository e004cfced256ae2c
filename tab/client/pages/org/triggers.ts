// The latest learning triggers L&D recorded: what happened, its source, the areas and when to learn by.
import type { OrgView } from '../../../../api/shapes';
import { h, recordTable } from '../../dom';

export function triggersSection(org: OrgView): HTMLElement {
  return h('section', { 'aria-labelledby': 'triggers' },
    h('h2', { id: 'triggers' }, 'Learning triggers'),
    org.triggers.length === 0 ? h('p', {}, 'None recorded. In your chat with Weave, type "new trigger".') : recordTable('Latest triggers',
      [{ title: 'What happened' }, { title: 'Source' }, { title: 'Areas' }, { title: 'Learn by', class: 'nowrap' }],
      org.triggers.map((t) => [t.summary, t.source, t.areas, t.dueDate ?? '—']),
    ),
  );
}
