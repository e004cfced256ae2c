// My team (line managers): the team's training plan as its channel sees it (totals only), then,
// the priorities the team agreed for the year (agreed here by its lead), how the team rates itself
// beside the organisation, the integration pulse against the organisation's, for the manager alone each report's supervision and appraisal status and
// learning, and the offers open to the team.
import type { TeamAgreementView, TeamView } from '../../../api/shapes';
import { barTable, facts, h, replace } from '../dom';
import { call, type Session } from '../session';
import { agreementSection } from './team/agreement';
import { teamBenchmark } from './team/benchmark';
import { teamPulseSection } from './team/pulse';

export async function teamPage(main: HTMLElement, session: Session): Promise<void> {
  const [team, agreement] = await Promise.all([call<TeamView>(session, 'team'), call<TeamAgreementView>(session, 'team/agreement')]);
  const plan = team.plan;
  replace(main,
    h('h1', {}, team.team ? `My team: ${team.team}` : 'My team'),
    h('section', { 'aria-labelledby': 'team-plan' },
      h('h2', { id: 'team-plan' }, 'Team training plan'),
      !plan
        ? h('p', {}, 'You do not lead a team on the roster, so there is no team plan here; your reports are below.')
        : plan.tooSmall
          ? h('p', {}, 'The team is too small to show totals without pointing at someone.')
          : h('div', { class: 'card' },
            h('p', { class: 'strong' }, plan.headline),
            plan.chart.length
              ? barTable('People with open needs, by area of the Common Core', ['Area', 'People'], plan.chart.map((c) => ({ label: c.label, values: [{ value: c.value, text: String(c.value) }] })), team.headcount)
              : null,
            h('table', { class: 'list' },
              h('caption', {}, 'Every area'),
              h('tbody', {}, plan.table.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', { class: 'num' }, r.value)))),
            ),
            plan.subHeadings.length ? h('p', {}, `Most needed in detail: ${plan.subHeadings.join(', ')}.`) : null,
            plan.activities.length ? h('p', {}, `How they would like to learn: ${plan.activities.join(', ')}.`) : null,
            h('ul', {}, [plan.supervision, plan.appraisal, plan.mentoring, ...plan.suggestions].map((l) => h('li', {}, l))),
            h('p', { class: 'muted' }, team.isLead ? 'This is what your team’s channel sees: totals only, no names.' : 'Totals only, no names, as the team’s channel sees them.'),
          ),
    ),
    agreement.team ? [agreementSection(session, agreement), teamBenchmark(agreement)] : null,
    team.team ? teamPulseSection(team.pulse) : null,
    h('section', { 'aria-labelledby': 'reports' },
      h('h2', { id: 'reports' }, 'Your reports'),
      h('p', { class: 'muted' }, 'Only you see this part.'),
      h('p', {}, team.summary),
      h('p', {}, team.statusSummary),
      team.people.length === 0 ? h('p', {}, 'Nobody reports to you yet.') : h('div', { class: 'grid' }, team.people.map((p) => h('article', { class: 'card', 'aria-label': p.name },
        h('h3', {}, h('a', { href: `#/people/${encodeURIComponent(p.id)}` }, p.name)),
        h('p', { class: 'muted' }, p.role),
        facts(p.status),
        p.learning.length ? h('ul', {}, p.learning.map((l) => h('li', {}, l))) : null,
      ))),
    ),
    h('section', { 'aria-labelledby': 'team-offers' },
      h('h2', { id: 'team-offers' }, 'Learning offers open to the team'),
      team.offers.length === 0 ? h('p', {}, 'None open just now.') : h('ul', {}, team.offers.map((o) => h('li', {}, `${o.title} (${o.format}), ${o.date}: ${o.areas}`))),
    ),
  );
}
