// Building the page from data without ever parsing text as HTML: every string becomes a text node,
// so names and free text people typed are shown literally.
export type Child = Node | string | number | null | undefined | false | readonly Child[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | ((e: Event) => void) | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : (c as Node));
  }
}

export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A key–value list (a description list), as the cards' fact sets are. */
export function facts(rows: readonly { title: string; value: string }[]): HTMLElement {
  return h('dl', { class: 'facts' }, rows.map((r) => [h('dt', {}, r.title), h('dd', {}, r.value)]));
}

export interface RecordColumn {
  title: string;
  class?: string;
}

/**
 * A table of records, one row for each thing with several figures. On a narrow screen each row
 * becomes a block of label–value lines (app.css), so a phone never scrolls sideways; the labels
 * are for the eye only (screen readers have the column headers), and the explicit roles keep it a
 * table to screen readers however CSS draws it. The first column heads each row.
 */
export function recordTable(caption: string, columns: readonly [RecordColumn, ...RecordColumn[]], rows: readonly (readonly [Child, ...Child[]])[]): HTMLElement {
  return h('table', { class: 'list records', role: 'table' },
    h('caption', {}, caption),
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, columns.map((c) => h('th', { scope: 'col', role: 'columnheader', class: c.class }, c.title)))),
    h('tbody', { role: 'rowgroup' }, rows.map(([head, ...cells]) => h('tr', { role: 'row' },
      h('th', { scope: 'row', role: 'rowheader', class: columns[0].class }, head),
      cells.map((cell, i) => h('td', { role: 'cell', class: columns[i + 1]?.class }, h('span', { class: 'cell-label', 'aria-hidden': 'true' }, columns[i + 1]?.title), h('span', {}, cell))),
    ))),
  );
}

export interface BarRow {
  label: string;
  /**
   * One bar per series (unless bar is false: a figure only), each with its value as text beside it.
   * A value is a count of people unless count is false (a mean, say): counts are whole numbers.
   */
  values: readonly { value: number; text: string; bar?: boolean; count?: boolean }[];
}

const SERIES = ['', 'second', 'third'];

/**
 * A bar chart that is a real table: screen readers read the figures as cells, keyboard users need
 * nothing special, and the bars are decoration (aria-hidden) scaled to the largest value.
 */
export function barTable(caption: string, columns: readonly string[], rows: readonly BarRow[], max?: number): HTMLElement {
  const top = max ?? Math.max(1, ...rows.flatMap((r) => r.values.filter((v) => v.bar !== false).map((v) => v.value)));
  return h('table', { class: 'bars' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, columns[0] ?? ''), h('th', { scope: 'col', class: 'chart-col' }, h('span', { class: 'visually-hidden' }, 'Chart')), columns.slice(1).map((c) => h('th', { scope: 'col', class: 'num' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('th', { scope: 'row' }, r.label),
      h('td', { 'aria-hidden': 'true', class: 'chart-col' }, r.values.filter((v) => v.bar !== false).map((v, i) => h('div', { class: `bar ${SERIES[i] ?? ''}`, style: `width:${Math.round((v.value / top) * 100)}%` }))),
      r.values.map((v) => h('td', { class: v.count === false ? 'figure' : 'num' }, v.text)),
    ))),
  );
}

export function announce(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}
