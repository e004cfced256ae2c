// The organisation's priorities as worked out from needs, triggers and registration: a chart, a card
// for each with what it suggests, and Commission, which starts a commissioning line for it.
import type { OrgView } from '../../../../api/shapes';
import { barTable, h } from '../../dom';

export function prioritiesSection(org: OrgView, commission: (code: string) => void): HTMLElement {
  return h('section', { 'aria-labelledby': 'priorities' },
    h('h2', { id: 'priorities' }, 'Learning and development plan: priorities'),
    org.priorities.length === 0 ? h('p', {}, 'No open learning needs or triggers yet.') : [
      barTable('Priority by area of the Common Core', ['Area', 'Priority', 'People'], org.priorities.map((p) => ({
        label: p.label,
        values: [{ value: p.score ?? 0, text: p.score === null ? 'not shown' : String(p.score) }, { value: p.people ?? 0, text: p.people === null ? 'fewer than 3' : String(p.people), bar: false }],
      }))),
      h('div', { class: 'grid' }, org.priorities.map((p) => h('article', { class: 'card', 'aria-label': p.label },
        h('h3', {}, p.label),
        h('ul', {}, p.lines.map((l) => h('li', {}, l))),
        h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => commission(p.code) }, 'Commission', h('span', { class: 'visually-hidden' }, ` a line for ${p.label}`))),
      ))),
    ],
    h('p', {}, org.mentoring),
  );
}
