// The year's commissioning lines: what each is, for whom, who delivers it, its places (planned,
// offered, booked, attended), cost and status, with Edit, a move to each status it may move to (a
// delivered line asks what it actually cost) and Create offer; and Add a line.
import type { CommissionLineView, Option, YearPlanView } from '../../../../api/shapes';
import { h, recordTable, replace } from '../../dom';
import { errorBox, field, showErrors } from '../../forms';
import { call, type Session } from '../../session';
import { lineForm, type LineFormStart } from './lineForm';

export interface LinesHooks {
  /** The plan changed: read it again and say so. */
  changed(message: string): Promise<void>;
  createOffer(line: CommissionLineView): void;
}

export interface LinesPart {
  element: HTMLElement;
  /** Opens the line form: for a new line (maybe for a priority's code) or to change one. */
  open(start: LineFormStart): void;
}

const hidden = (text: string) => h('span', { class: 'visually-hidden' }, text);

export function linesPart(session: Session, plan: YearPlanView, hooks: LinesHooks): LinesPart {
  const errors = errorBox();
  const editor = h('div', { id: 'line-editor', class: 'card', hidden: true });
  const add = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'line-editor' }, 'Add a line');

  const close = () => {
    editor.hidden = true;
    add.setAttribute('aria-expanded', 'false');
    add.focus();
  };
  const open = (start: LineFormStart) => {
    replace(editor, lineForm(session, plan, start, { saved: () => void hooks.changed(start.line ? 'The line is saved.' : 'The line is added.'), cancel: close }));
    editor.hidden = false;
    add.setAttribute('aria-expanded', 'true');
    editor.scrollIntoView({ block: 'start' });
    editor.querySelector<HTMLElement>('input, select')?.focus();
  };
  add.addEventListener('click', () => (editor.hidden ? open({}) : close()));

  const move = async (line: CommissionLineView, to: Option, actual?: string) => {
    try {
      await call(session, `org/lines/${encodeURIComponent(line.id)}/status`, { method: 'POST', body: { to: to.value, etag: line.etag, ...(actual ? { actual } : {}) } });
      await hooks.changed(`“${line.title}” is now ${to.title.toLowerCase()}.`);
    } catch (err) {
      showErrors(errors, err);
    }
  };

  /** Delivered: what did it cost? Asked in the row itself, then moved. */
  const askActual = (cell: HTMLElement, line: CommissionLineView, to: Option, back: () => void) => {
    const actual = h('input', { id: `actual-${line.id}`, type: 'text', inputmode: 'decimal', maxlength: '20', value: line.actual?.replace(/^£/, '') ?? '' });
    const form = h('form', { class: 'ask', 'aria-label': `Move “${line.title}” to ${to.title}` },
      field(actual, 'Actual cost (£)', 'Leave empty to keep the estimate.'),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, `Move to ${to.title}`), h('button', { type: 'button', onclick: back }, 'Cancel')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void move(line, to, actual.value.trim());
    });
    replace(cell, form);
    actual.focus();
  };

  const actionsFor = (line: CommissionLineView): HTMLElement => {
    const cell = h('div', { class: 'actions' });
    const buttons = () => {
      replace(cell,
        h('button', { type: 'button', onclick: () => open({ line }) }, 'Edit', hidden(` “${line.title}”`)),
        line.moves.map((to) => h('button', {
          type: 'button',
          onclick: () => (to.value === 'delivered' ? askActual(cell, line, to, () => { buttons(); cell.querySelector('button')?.focus(); }) : void move(line, to)),
        }, `${to.back ? 'Back to' : 'Move to'} ${to.title}`, hidden(`: “${line.title}”`))),
        h('button', { type: 'button', onclick: () => hooks.createOffer(line) }, 'Create offer', hidden(` from “${line.title}”`)),
      );
    };
    buttons();
    return cell;
  };

  const num = { class: 'num' };
  const table = plan.lines.length === 0
    ? h('p', {}, 'No lines yet. Add one here, or press Commission on one of the priorities below.')
    : recordTable(`Commissioning lines for ${plan.year}`,
      [{ title: 'Line' }, { title: 'Format' }, { title: 'For whom' }, { title: 'Delivered by' }, { title: 'Places', ...num }, { title: 'Cost' }, { title: 'Budget line' }, { title: 'Status' }, { title: 'Actions' }],
      plan.lines.map((l) => [
        [l.title, h('div', { class: 'muted' }, `For ${l.codeLabel}`)],
        l.formatLabel, l.audience, l.provider,
        [`${l.places} planned`, `${l.offered} offered`, `${l.booked} booked`, `${l.attended} attended`].map((t) => h('div', { class: 'nowrap' }, t)),
        l.evaluation ? h('div', { class: 'muted' }, `What attendees said: ${l.evaluation}`) : null,
        [h('div', {}, `${l.estimated} estimated`), l.actual ? h('div', {}, `${l.actual} actual`) : null],
        l.budgetLine, l.statusLabel, actionsFor(l),
      ]),
    );
  return {
    element: h('div', { class: 'lines' }, errors, table, h('div', { class: 'actions' }, add), editor),
    open,
  };
}
