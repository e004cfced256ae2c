// Choosing several of many (38 areas of the Common Core): a filter box over a scrolling list of
// labelled checkboxes, with the count chosen. It replaces <select multiple>, which needs Ctrl-click
// and cuts long names. The list is one stop for Tab; the arrow keys move within it and Space
// chooses, and the down arrow goes from the filter into the list.
import type { Option } from '../../api/shapes';
import { h, replace } from './dom';

export interface Checklist {
  element: HTMLElement;
  /** The values chosen, in the options' order (whatever the filter shows). */
  values(): string[];
  /** Chooses exactly these (the offer composer filled from a commissioning line). */
  set(values: ReadonlySet<string>): void;
}

export function checklist(id: string, legend: string, options: readonly Option[], chosen: ReadonlySet<string>): Checklist {
  const boxes = options.map((o, i) => h('input', { type: 'checkbox', id: `${id}-${i}`, value: o.value, checked: chosen.has(o.value), tabindex: '-1' }));
  const items = options.map((o, i) => h('li', {}, boxes[i], h('label', { for: `${id}-${i}` }, o.title)));
  const filter = h('input', { type: 'search', id: `${id}-filter`, autocomplete: 'off', 'aria-controls': `${id}-list`, 'aria-describedby': `${id}-help` });
  const count = h('span', { class: 'count', 'aria-live': 'polite' });
  const clear = h('button', { type: 'button', class: 'link' }, 'Clear', h('span', { class: 'visually-hidden' }, ` ${legend}`));
  const none = h('p', { class: 'muted', hidden: true });

  const visible = () => boxes.filter((_, i) => !items[i]!.hidden);
  // The box Tab lands on: the last one used, or the first shown.
  let current = boxes[0];
  const makeCurrent = (box: HTMLInputElement | undefined) => {
    for (const b of boxes) b.tabIndex = -1;
    current = box;
    if (box) box.tabIndex = 0;
  };
  const showCount = () => {
    const n = boxes.filter((b) => b.checked).length;
    replace(count, n === 0 ? 'None chosen' : `${n} chosen`);
    clear.hidden = n === 0;
  };
  const applyFilter = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    options.forEach((o, i) => {
      const text = `${o.value} ${o.title}`.toLowerCase();
      items[i]!.hidden = !words.every((w) => text.includes(w));
    });
    const shown = visible();
    none.hidden = shown.length > 0;
    replace(none, `Nothing matches “${filter.value.trim()}”.`);
    if (!current || !shown.includes(current)) makeCurrent(shown[0]);
  };

  filter.addEventListener('input', applyFilter);
  filter.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && current) {
      e.preventDefault();
      current.focus();
    } else if (e.key === 'Enter') e.preventDefault(); // a filter, not a submit
  });
  const list = h('ul', { class: 'checklist-list', id: `${id}-list` }, items);
  list.addEventListener('keydown', (e) => {
    const shown = visible();
    const at = shown.indexOf(e.target as HTMLInputElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: shown.length - 1 }[e.key];
    if (at < 0 || next === undefined) return;
    e.preventDefault();
    if (next < 0) return filter.focus();
    const to = shown[Math.min(next, shown.length - 1)]!;
    makeCurrent(to);
    to.focus();
  });
  list.addEventListener('focusin', (e) => makeCurrent(e.target as HTMLInputElement));
  list.addEventListener('change', showCount);
  clear.addEventListener('click', () => {
    for (const b of boxes) b.checked = false;
    showCount();
    // The form listens for changes: tell it, as a click on a box would.
    boxes[0]?.dispatchEvent(new Event('change', { bubbles: true }));
    filter.focus();
  });

  makeCurrent(boxes[0]);
  showCount();
  const element = h('fieldset', { class: 'checklist', id },
    h('legend', {}, legend),
    h('div', { class: 'checklist-bar' }, h('label', { for: `${id}-filter` }, 'Filter'), filter, count, clear),
    h('p', { class: 'muted hint', id: `${id}-help` }, 'Type to narrow the list. In the list, the arrow keys move and Space chooses.'),
    list, none,
  );
  const set = (values: ReadonlySet<string>) => {
    for (const b of boxes) b.checked = values.has(b.value);
    showCount();
  };
  return { element, values: () => boxes.filter((b) => b.checked).map((b) => b.value), set };
}
