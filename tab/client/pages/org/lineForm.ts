// A commissioning line's form, to add one (maybe for a priority's code) or change one over the
// version shown: what, the priority it answers, for whom, who delivers it (staff of ours or an
// external provider), places, estimated cost and budget line. Lists go to the API comma-separated,
// as the offer composer's do.
import type { CommissionLineView, YearPlanView } from '../../../../api/shapes';
import { checklist, type Checklist } from '../../checklist';
import { h, replace } from '../../dom';
import { errorBox, field, select, showErrors } from '../../forms';
import { call, type Session } from '../../session';

/** A new line starts as this; a priority's Commission fills in its code. */
const BLANK: Record<string, string> = {
  title: '', code: '', format: 'bite_size_workshop', professions: '', services: '', teams: '', registration: 'any',
  providerKind: 'external', providerPeople: '', providerName: '', places: '', estimated: '', budgetLine: '',
};

export interface LineFormStart {
  /** The line being changed; absent for a new one. */
  line?: CommissionLineView;
  /** A new line's priority. */
  code?: string;
}

export function lineForm(session: Session, plan: YearPlanView, start: LineFormStart, done: { saved(): void; cancel(): void }): HTMLFormElement {
  const { options } = plan;
  const initial = start.line ? start.line.values : { ...BLANK, code: start.code ?? '' };
  const value = (name: string) => initial[name] ?? '';
  const text = (name: string, max: number, extra: Record<string, string> = {}) => h('input', { id: `line-${name}`, type: 'text', maxlength: String(max), value: value(name), autocomplete: 'off', ...extra });
  const chosen = (name: string) => new Set(value(name).split(',').filter(Boolean));

  const inputs = {
    title: text('title', 120),
    code: select('line-code', [{ value: '', title: 'Choose a priority' }], value('code'), [{ label: 'Areas and sub-headings of the Common Core', options: options.codes }]),
    format: select('line-format', options.formats, value('format')),
    registration: select('line-registration', options.registration, value('registration')),
    providerName: text('providerName', 120),
    places: h('input', { id: 'line-places', type: 'number', min: '1', step: '1', value: value('places') }),
    estimated: text('estimated', 20, { inputmode: 'decimal' }),
    budgetLine: text('budgetLine', 80, { list: 'line-budget-lines' }),
  };
  const lists: Record<'professions' | 'services' | 'teams' | 'providerPeople', Checklist> = {
    professions: checklist('line-professions', 'For professions (none chosen: every profession)', options.professions, chosen('professions')),
    services: checklist('line-services', 'For services (none chosen: every service)', options.services, chosen('services')),
    teams: checklist('line-teams', 'For teams (none chosen: every team)', options.teams, chosen('teams')),
    providerPeople: checklist('line-providerPeople', 'Staff of ours who deliver it', options.staff, chosen('providerPeople')),
  };
  const kind = (k: 'internal' | 'external', label: string) => {
    const radio = h('input', { type: 'radio', name: 'line-providerKind', id: `line-provider-${k}`, value: k, checked: value('providerKind') === k });
    return { radio, element: h('div', { class: 'check' }, radio, h('label', { for: radio.id }, label)) };
  };
  const internal = kind('internal', 'Staff of ours');
  const external = kind('external', 'An external provider');
  const staffPart = h('div', { class: 'wide' }, lists.providerPeople.element);
  const providerPart = h('div', {}, field(inputs.providerName, 'Provider’s name'));
  const showProvider = () => {
    staffPart.hidden = !internal.radio.checked;
    providerPart.hidden = !external.radio.checked;
  };
  internal.radio.addEventListener('change', showProvider);
  external.radio.addEventListener('change', showProvider);
  showProvider();

  const values = (): Record<string, string> => ({
    title: inputs.title.value, code: inputs.code.value, format: inputs.format.value, registration: inputs.registration.value,
    professions: lists.professions.values().join(','), services: lists.services.values().join(','), teams: lists.teams.values().join(','),
    providerKind: internal.radio.checked ? 'internal' : 'external', providerPeople: lists.providerPeople.values().join(','), providerName: inputs.providerName.value,
    places: inputs.places.value, estimated: inputs.estimated.value, budgetLine: inputs.budgetLine.value,
  });

  const errors = errorBox();
  const save = h('button', { type: 'submit', class: 'primary' }, start.line ? 'Save the line' : 'Add the line');
  const heading = start.line ? `Change “${start.line.title}”` : 'Add a commissioning line';
  const form = h('form', { class: 'fields', 'aria-label': heading },
    h('h4', { class: 'wide' }, heading),
    h('div', { class: 'wide' }, field(inputs.title, 'What it is', 'As people will read it, for example "Safeguarding adolescents: a practice workshop".')),
    field(inputs.code, 'Priority it answers'),
    field(inputs.format, 'Format'),
    h('div', { class: 'wide' }, lists.professions.element),
    h('div', { class: 'wide' }, lists.services.element),
    h('div', { class: 'wide' }, lists.teams.element),
    field(inputs.registration, 'Registered with a regulator'),
    h('fieldset', { class: 'choice' }, h('legend', {}, 'Delivered by'), internal.element, external.element),
    staffPart, providerPart,
    field(inputs.places, 'Places'),
    field(inputs.estimated, 'Estimated cost (£)', 'In pounds, like 1,250.'),
    field(inputs.budgetLine, 'Budget line', plan.budget.values.length ? 'One of this year’s budget lines, or a new name.' : undefined),
    h('datalist', { id: 'line-budget-lines' }, plan.budget.values.map((b) => h('option', { value: b.name }))),
    h('div', { class: 'wide' }, errors, h('div', { class: 'actions' }, save, h('button', { type: 'button', onclick: () => done.cancel() }, 'Cancel'))),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const send = async () => {
      save.disabled = true;
      try {
        await call<{ id: string; etag: string }>(session, 'org/lines', { method: 'POST', body: { lineId: start.line?.id ?? null, etag: start.line?.etag ?? null, values: values() } });
        replace(errors);
        done.saved();
      } catch (err) {
        showErrors(errors, err);
        save.disabled = false;
      }
    };
    void send();
  });
  return form;
}
