// The team lead's form to agree the team's priorities for the year: up to the policy's number of
// rows, each an area or sub-heading of the Common Core (the team plan's suggestions first), a line of
// why and a target term. It is sent over the version the lead saw, so two managers agreeing at once
// cannot overwrite each other: the server refuses the later one with a sentence, shown here.
import type { AgreedPriorityView, TeamAgreementView } from '../../../../api/shapes';
import { announce, h, replace } from '../../dom';
import { errorBox, field, select, showErrors } from '../../forms';
import { call, type Session } from '../../session';

const WHY_MAX = 200;

interface Row {
  element: HTMLFieldSetElement;
  legend: HTMLLegendElement;
  removeLabel: HTMLSpanElement;
  code: HTMLSelectElement;
  why: HTMLInputElement;
  term: HTMLSelectElement;
}

type Start = Pick<AgreedPriorityView, 'code' | 'why' | 'term'>;

/** Where the form starts: what is agreed now, else the team plan's suggestions, else one empty row. */
function startingRows(view: TeamAgreementView): Start[] {
  if (view.current) return view.current.priorities;
  if (view.suggested.length > 0) return view.suggested.map((s) => ({ code: s.value, why: '', term: '' }));
  return [{ code: '', why: '', term: '' }];
}

export function agreeForm(session: Session, view: TeamAgreementView, onAgreed: (version: number) => void): HTMLFormElement {
  const suggested = new Set(view.suggested.map((s) => s.value));
  const codeGroups = [
    { label: 'Most needed in the team plan', options: view.suggested },
    { label: 'Every area and sub-heading', options: view.codes.filter((c) => !suggested.has(c.value)) },
  ];
  const rows: Row[] = [];
  let made = 0;
  const list = h('div', { class: 'rows' });
  const errors = errorBox();
  const add = h('button', { type: 'button' }, 'Add a priority');

  const renumber = () => {
    rows.forEach((r, i) => {
      replace(r.legend, `Priority ${i + 1}`);
      replace(r.removeLabel, ` priority ${i + 1}`);
    });
    add.disabled = rows.length >= view.maxPriorities;
  };

  const addRow = (start: Start) => {
    // Ids stay unique however rows come and go; the legend carries the number people read.
    const key = `agree-${(made += 1)}`;
    const code = select(`${key}-code`, [{ value: '', title: 'Choose an area' }], start.code, codeGroups);
    const why = h('input', { id: `${key}-why`, type: 'text', maxlength: String(WHY_MAX), value: start.why, autocomplete: 'off' });
    const term = select(`${key}-term`, [{ value: '', title: 'Choose a term' }, ...view.terms.map((t) => ({ value: t, title: t }))], start.term);
    const legend = h('legend', {});
    const removeLabel = h('span', { class: 'visually-hidden' });
    const remove = h('button', { type: 'button', class: 'link' }, 'Remove', removeLabel);
    const element = h('fieldset', { class: 'row' }, legend,
      field(code, 'Area or sub-heading'),
      field(why, 'Why, in a line', `Up to ${WHY_MAX} characters.`),
      field(term, 'Target term'),
      h('div', { class: 'actions' }, remove),
    );
    const row: Row = { element, legend, removeLabel, code, why, term };
    remove.addEventListener('click', () => {
      const at = rows.indexOf(row);
      rows.splice(at, 1);
      element.remove();
      renumber();
      (rows[Math.max(0, at - 1)]?.code ?? add).focus();
    });
    rows.push(row);
    list.append(element);
    renumber();
    return row;
  };

  add.addEventListener('click', () => addRow({ code: '', why: '', term: '' }).code.focus());
  for (const start of startingRows(view).slice(0, view.maxPriorities)) addRow(start);

  const submit = h('button', { type: 'submit', class: 'primary' }, 'Agree these priorities');
  const form = h('form', { class: 'agree', 'aria-labelledby': 'agree-heading' },
    h('h3', { id: 'agree-heading' }, `Agree ${view.team ?? 'the team'}'s priorities for ${view.year}`),
    h('p', { class: 'muted' }, `Up to ${view.maxPriorities}. Agreeing again keeps what was agreed before as an earlier version. Members see the priorities, never who needs what.`),
    list,
    h('div', { class: 'actions' }, add),
    errors,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const agree = async () => {
      submit.disabled = true;
      try {
        const { version } = await call<{ version: number }>(session, 'team/agreement', {
          method: 'POST',
          body: { priorities: rows.map((r) => ({ code: r.code.value, why: r.why.value, term: r.term.value })), seenVersion: view.current?.version ?? null },
        });
        replace(errors);
        announce(`The team's priorities are agreed (version ${version}).`);
        onAgreed(version);
      } catch (err) {
        showErrors(errors, err);
        submit.disabled = false;
      }
    };
    void agree();
  });
  return form;
}
