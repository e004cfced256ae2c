// The year's budget: total, committed (lines agreed and beyond), spent (delivered) and left, per
// budget line, and a form to set the budget lines (a name and pounds each), over the version shown.
import type { YearPlanView } from '../../../../api/shapes';
import { facts, h, recordTable, replace } from '../../dom';
import { disclosure, errorBox, field, showErrors } from '../../forms';
import { call, type Session } from '../../session';

const MAX_LINES = 20;

function budgetForm(session: Session, budget: YearPlanView['budget'], saved: () => void, cancel: () => void): HTMLFormElement {
  const rows: { element: HTMLElement; legend: HTMLElement; removeLabel: HTMLElement; name: HTMLInputElement; pounds: HTMLInputElement }[] = [];
  let made = 0;
  const list = h('div', { class: 'rows' });
  const add = h('button', { type: 'button' }, 'Add a budget line');
  const refresh = () => {
    rows.forEach((r, i) => {
      replace(r.legend, `Budget line ${i + 1}`);
      replace(r.removeLabel, ` budget line ${i + 1}`);
    });
    add.disabled = rows.length >= MAX_LINES;
  };
  const addRow = (start: { name: string; pounds: string }) => {
    const key = `budget-${(made += 1)}`;
    const name = h('input', { id: `${key}-name`, type: 'text', maxlength: '80', value: start.name, autocomplete: 'off' });
    const pounds = h('input', { id: `${key}-pounds`, type: 'text', inputmode: 'decimal', maxlength: '20', value: start.pounds });
    const legend = h('legend', {});
    const removeLabel = h('span', { class: 'visually-hidden' });
    const element = h('fieldset', { class: 'row inline-row' }, legend,
      field(name, 'Name'), field(pounds, 'Pounds'),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'link', onclick: () => remove(row) }, 'Remove', removeLabel)),
    );
    const row = { element, legend, removeLabel, name, pounds };
    rows.push(row);
    list.append(element);
    refresh();
    return row;
  };
  const remove = (row: (typeof rows)[number]) => {
    const at = rows.indexOf(row);
    rows.splice(at, 1);
    row.element.remove();
    refresh();
    (rows[Math.max(0, at - 1)]?.name ?? add).focus();
  };
  add.addEventListener('click', () => addRow({ name: '', pounds: '' }).name.focus());
  for (const line of budget.values.length ? budget.values : [{ name: '', pounds: '' }]) addRow(line);

  const errors = errorBox();
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save the budget');
  const form = h('form', { 'aria-label': 'This year’s budget lines' },
    h('p', { class: 'muted' }, 'Each line a source of money for training (a grant, a service’s budget) and what it holds, in pounds.'),
    list,
    h('div', { class: 'actions' }, add),
    errors,
    h('div', { class: 'actions' }, save, h('button', { type: 'button', onclick: cancel }, 'Cancel')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const send = async () => {
      save.disabled = true;
      try {
        await call(session, 'org/budget', { method: 'POST', body: { etag: budget.etag, lines: rows.map((r) => ({ name: r.name.value, pounds: r.pounds.value })) } });
        saved();
      } catch (err) {
        showErrors(errors, err);
        save.disabled = false;
      }
    };
    void send();
  });
  return form;
}

export function budgetPart(session: Session, budget: YearPlanView['budget'], changed: (message: string) => Promise<void>): HTMLElement {
  const panel = h('div', { class: 'card' });
  const edit = disclosure('budget-form', 'Edit the budget', panel, () => replace(panel, budgetForm(session, budget, () => void changed('The budget is saved.'), () => {
    edit.close();
    edit.button.focus();
  })));
  return h('div', { class: 'budget' },
    facts([{ title: 'Total', value: budget.total }, { title: 'Committed', value: budget.committed }, { title: 'Spent', value: budget.spent }, { title: 'Left', value: budget.left }]),
    budget.lines.length === 0 ? h('p', {}, 'No budget set for this year yet.') : recordTable('By budget line',
      [{ title: 'Budget line' }, { title: 'Budget' }, { title: 'Committed' }, { title: 'Spent' }],
      budget.lines.map((l) => [l.name, l.budget, l.committed, l.spent]),
    ),
    edit.element,
  );
}
