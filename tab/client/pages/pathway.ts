// A person's own career pathway on My plan: where they are, where they would like to go (or not now),
// whether their line manager may see it, the next step and what it needs, and adding that step's
// learning to their plan — as `my pathway` does in chat. Nobody else's page shows it.
import type { PlanView } from '../../../api/shapes';
import { announce, facts, h, replace } from '../dom';
import { ApiError, call, type Session } from '../session';

type Pathway = NonNullable<PlanView['pathway']>;

export function pathwaySection(session: Session, initial: Pathway): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'pathway' });
  const draw = (p: Pathway, note = '') => {
    const errors = h('div', { class: 'errors', role: 'alert' });
    const target = h('select', { id: 'pathway-target' },
      h('option', { value: '', selected: p.chosen === '' }, 'Choose…'),
      p.roles.map((r) => h('option', { value: r.value, selected: r.value === p.chosen }, r.title)));
    const share = h('input', { id: 'pathway-share', type: 'checkbox', checked: p.share });
    const act = async (path: string, body: unknown, done: string) => {
      try {
        const plan = await call<PlanView>(session, path, { method: 'POST', body });
        draw(plan.pathway!, done);
        announce(done);
      } catch (err) {
        replace(errors, err instanceof ApiError && err.errors.length ? err.errors.join(' ') : (err as Error).message);
      }
    };
    replace(section,
      h('h2', { id: 'pathway' }, 'Career pathway'),
      h('div', { class: 'card' },
        note ? h('p', { class: 'good' }, note) : null,
        p.current ? h('p', {}, p.current) : null,
        h('p', { class: 'strong' }, p.aim),
        facts(p.facts),
        p.leading.length ? h('p', { class: 'muted' }, `Already in your plan that leads there: ${p.leading.join('; ')}`) : null,
        errors,
        h('div', {}, h('label', { for: 'pathway-target' }, 'Where you would like to go'), target),
        h('div', { class: 'check' }, share, h('label', { for: 'pathway-share' }, 'Let my line manager see where I would like to go')),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'primary', onclick: () => void act('me/pathway', { target: target.value, share: share.checked }, share.checked ? 'Saved. Your line manager can see where you would like to go.' : 'Saved. Only you can see it.') }, 'Save'),
          p.canAdd ? h('button', { type: 'button', onclick: () => void act('me/pathway/step', {}, 'The next step is in your plan.') }, 'Add the next step to my plan') : null,
        ),
        p.canAdd ? h('p', { class: 'muted' }, 'Adding the step puts its learning in your plan, which your line manager sees.') : null,
      ),
    );
  };
  draw(initial);
  return section;
}
