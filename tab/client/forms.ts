// What the tab's forms share: a labelled field, a choice list, the server's errors in an alert, and
// a button that opens a form below it.
import type { Option } from '../../api/shapes';
import { h, replace, type Child } from './dom';
import { ApiError } from './session';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A label above its control, and a hint below it that screen readers hear with the control. */
export function field(control: Control, label: string, hint?: string): HTMLElement {
  if (hint) control.setAttribute('aria-describedby', `${control.id}-hint`);
  return h('div', { class: 'field' },
    h('label', { for: control.id }, label),
    control,
    hint ? h('p', { class: 'muted hint', id: `${control.id}-hint` }, hint) : null,
  );
}

/** A select of `options`, then of any labelled groups of them (empty groups left out). */
export function select(id: string, options: readonly Option[], value: string, groups: readonly { label: string; options: readonly Option[] }[] = []): HTMLSelectElement {
  const option = (o: Option) => h('option', { value: o.value, selected: o.value === value }, o.title);
  return h('select', { id }, options.map(option), groups.filter((g) => g.options.length > 0).map((g) => h('optgroup', { label: g.label }, g.options.map(option))));
}

/** Where a form's problems appear: read out as they arrive. */
export function errorBox(): HTMLElement {
  return h('div', { class: 'errors', role: 'alert' });
}

/** The server's own sentences (each of a 400's errors), or what went wrong on the way. */
export function showErrors(box: HTMLElement, err: unknown): void {
  if (err instanceof ApiError && err.errors.length > 1) replace(box, h('ul', {}, err.errors.map((e) => h('li', {}, e))));
  else replace(box, err instanceof Error ? err.message : 'Weave could not do that. Try again in a moment.');
}

/**
 * A button that shows a form below it and hides it again (aria-expanded says which). `open` runs
 * each time it opens, so the form can be filled afresh; its first field then takes the focus.
 */
export interface Disclosure {
  element: HTMLElement;
  button: HTMLButtonElement;
  open(): void;
  close(): void;
}

export function disclosure(id: string, label: Child, panel: HTMLElement, onOpen: () => void = () => undefined): Disclosure {
  panel.id = id;
  panel.hidden = true;
  const button = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': id }, label);
  const open = () => {
    onOpen();
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    panel.querySelector<HTMLElement>('input, select, textarea')?.focus();
  };
  const close = () => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  button.addEventListener('click', () => (panel.hidden ? open() : close()));
  return { element: h('div', { class: 'disclosure' }, h('div', { class: 'actions' }, button), panel), button, open, close };
}
