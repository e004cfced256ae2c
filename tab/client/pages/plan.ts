// My plan (and, for a line manager, a report's plan): the LDP by status, the CPD record and
// registration readiness, the plan year as agreed at appraisal (needs changed since marked), and for
// the person themself what was agreed at their latest supervision, their team's agreed priorities and
// the export.
import type { ExportLinks, PlanView, TeamPrioritiesView } from '../../../api/shapes';
import { announce, facts, h, replace } from '../dom';
import { call, type Session } from '../session';
import { pathwaySection } from './pathway';

/** What the team agreed for the year: the team's, never who needs what; only the person's own needs mark one. */
function teamPriorities(agreed: TeamPrioritiesView): HTMLElement {
  return h('section', { 'aria-labelledby': 'team-priorities' },
    h('h2', { id: 'team-priorities' }, `Your team's priorities for ${agreed.year}`),
    h('p', { class: 'muted' }, `What ${agreed.team} agreed to work on together this year.`),
    h('ul', { class: 'plain' }, agreed.priorities.map((p) => h('li', { class: 'card' },
      h('strong', {}, p.label),
      p.touchesYou ? [' ', h('span', { class: 'tag' }, 'Touches your learning needs')] : null,
      h('p', { class: 'pre' }, p.why),
      h('p', { class: 'muted' }, `By ${p.term}`),
    ))),
  );
}

export async function planPage(main: HTMLElement, session: Session, personId: string | null): Promise<void> {
  const plan = await call<PlanView>(session, personId ? `people/${encodeURIComponent(personId)}/plan` : 'me');
  const exportArea = h('div', { class: 'actions' });
  const exportButton = h('button', { type: 'button', onclick: () => void exportRecord() }, 'Export my CPD record');
  async function exportRecord() {
    exportButton.disabled = true;
    try {
      const links = await call<ExportLinks>(session, 'me/export', { method: 'POST' });
      replace(exportArea, h('span', {}, `Download links, valid for ${links.hours} hours: `), h('a', { href: links.markdown }, 'CPD record (Markdown)'), h('a', { href: links.csv }, 'CPD record (CSV)'));
      announce('Your CPD record is ready to download.');
    } catch (err) {
      exportButton.disabled = false;
      replace(exportArea, exportButton, h('p', { role: 'alert' }, (err as Error).message));
    }
  }
  exportArea.append(exportButton);

  replace(main,
    h('h1', {}, plan.asManager ? `${plan.person.name}'s plan` : 'My plan'),
    h('p', { class: 'muted' }, `${plan.person.jobTitle} · ${plan.person.profession} · ${plan.person.team}`),
    plan.asManager ? h('p', { class: 'note' }, 'You see this as their line manager or supervisor. Talk it through with them at supervision.') : null,
    plan.agreedAtSupervision ? h('section', { 'aria-labelledby': 'agreed', class: 'card' },
      h('h2', { id: 'agreed' }, plan.agreedAtSupervision.heading),
      h('ul', {}, plan.agreedAtSupervision.lines.map((l) => h('li', {}, l.replace(/^• /, '')))),
    ) : null,
    h('section', { 'aria-labelledby': 'ldp' },
      h('h2', { id: 'ldp' }, `Learning Development Plan: ${plan.planYear}`),
      plan.agreement ? h('p', { class: 'good' }, plan.agreement) : null,
      plan.groups.length === 0
        ? h('p', {}, plan.asManager ? 'No learning needs recorded for this plan year yet.' : 'No learning needs yet. In your chat with Weave, type "add need", or answer your next supervision prompt.')
        : plan.groups.map((g) => h('div', {},
          h('h3', {}, `${g.heading} (${g.needs.length})`),
          h('ul', { class: 'plain' }, g.needs.map((n) => h('li', { class: 'card' },
            h('strong', {}, n.heading),
            h('p', { class: 'pre' }, n.description),
            n.details.length ? h('p', { class: 'muted' }, n.details.join(' · ')) : null,
            n.comments.length ? h('ul', { class: 'comments', 'aria-label': 'Comments' }, n.comments.map((c) => h('li', {}, c))) : null,
          ))),
        )),
    ),
    plan.teamPriorities ? teamPriorities(plan.teamPriorities) : null,
    plan.pathway ? pathwaySection(session, plan.pathway) : null,
    h('section', { 'aria-labelledby': 'cpd' },
      h('h2', { id: 'cpd' }, 'CPD record and registration'),
      h('div', { class: 'card' },
        h('p', { class: plan.cpd.tone === 'good' ? 'good strong' : plan.cpd.tone === 'attention' ? 'flag' : 'strong' }, plan.cpd.headline),
        h('p', { class: 'muted' }, plan.cpd.period),
        facts(plan.cpd.checks),
        plan.cpd.notes.length ? h('ul', {}, plan.cpd.notes.map((n) => h('li', {}, n))) : null,
      ),
      // A list, not facts: requirement titles are long, and a two-column grid would not fit a phone.
      plan.mandatory.length ? h('div', { class: 'card' }, h('h3', {}, 'Mandatory learning'), h('ul', {}, plan.mandatory.map((m) => h('li', {}, h('strong', {}, m.title), ` — ${m.value}`)))) : null,
      plan.cpd.records.length === 0
        ? h('p', {}, 'No CPD logged yet.')
        : h('table', { class: 'list' },
          h('caption', {}, 'Latest CPD'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Activity'), h('th', { scope: 'col' }, 'Detail'))),
          h('tbody', {}, plan.cpd.records.map((r) => h('tr', {}, h('td', { class: 'nowrap' }, r.date), h('td', {}, r.title), h('td', {}, r.detail)))),
        ),
      plan.asManager ? null : exportArea,
    ),
  );
}
