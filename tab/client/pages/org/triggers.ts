// Learning triggers, as `triggers` shows them in chat: open ones first (overdue first), each with how
// many of those it affects have learned from it (suppressed); Create briefing fills the offer
// composer as a 7-minute briefing on it, and Close records why it is closed (its record stays).
import type { OrgView } from '../../../../api/shapes';
import { announce, h, recordTable, replace } from '../../dom';
import { ApiError, call, type Session } from '../../session';

type Trigger = OrgView['triggers'][number];

export function triggersSection(session: Session, org: OrgView, createBriefing: (trigger: Trigger) => void): HTMLElement {
  const errors = h('div', { class: 'errors', role: 'alert' });
  const closeForm = (t: Trigger, cell: HTMLElement) => {
    const id = `close-${t.id}`;
    const note = h('input', { id, type: 'text', maxlength: '300' });
    const save = h('button', { type: 'button' }, 'Close it');
    save.addEventListener('click', () => void (async () => {
      try {
        await call(session, 'org/triggers/close', { method: 'POST', body: { id: t.id, note: note.value } });
        replace(errors);
        replace(cell, h('span', { class: 'muted' }, `Closed: ${note.value}`));
        announce(`Closed “${t.summary}”.`);
      } catch (err) {
        replace(errors, err instanceof ApiError && err.errors.length ? err.errors.join(' ') : (err as Error).message);
        note.focus();
      }
    })());
    replace(cell, h('label', { for: id }, 'Why it is closed'), note, save);
    note.focus();
  };
  return h('section', { 'aria-labelledby': 'triggers' },
    h('h2', { id: 'triggers' }, 'Learning triggers'),
    errors,
    org.triggers.length === 0 ? h('p', {}, 'None recorded. In your chat with Weave, type "new trigger" (managers can record them for their own team).') : recordTable('Learning triggers, open first',
      [{ title: 'What happened' }, { title: 'Where it stands' }, { title: 'Learned from it' }, { title: 'Act on it' }],
      org.triggers.map((t) => {
        const cell = h('div', { class: 'actions' });
        if (!t.closed) {
          cell.append(
            h('button', { type: 'button', onclick: () => createBriefing(t) }, 'Create briefing', h('span', { class: 'visually-hidden' }, ` on “${t.summary}”`)),
            h('button', { type: 'button', onclick: () => closeForm(t, cell) }, 'Close', h('span', { class: 'visually-hidden' }, ` “${t.summary}”`)),
          );
        }
        return [t.summary, h('span', { class: t.overdue ? 'attention' : undefined }, t.status), t.learned, cell];
      }),
    ),
  );
}
