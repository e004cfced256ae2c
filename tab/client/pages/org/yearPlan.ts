// This year's plan, as L&D decide it: how many teams have agreed their priorities, the workbook, the
// budget, the commissioning lines, who the year's places and money reach, and the benchmark. Read
// again (and drawn again) whenever L&D change it or send an offer made from a line.
import type { CommissionLineView, YearPlanView } from '../../../../api/shapes';
import { announce, h, replace } from '../../dom';
import { errorBox, showErrors } from '../../forms';
import { longDate } from '../../format';
import { call, type Session } from '../../session';
import { benchmarkPart } from './benchmark';
import { budgetPart } from './budget';
import { linesPart, type LinesPart } from './lines';
import { reachPart } from './reach';
import { workbookButton } from './workbook';

export interface YearPlanSection {
  element: HTMLElement;
  /** Starts a commissioning line for a priority's code. */
  commission(code: string): void;
  /** Reads the plan again: after an offer made from a line is sent, say. */
  reload(): Promise<void>;
}

function teamsAgreed(teams: YearPlanView['teams'], year: string): HTMLElement {
  const late = teams.due && teams.agreed < teams.of;
  return h('p', { class: late ? 'strong' : undefined },
    `${teams.agreed} of ${teams.of} teams have agreed their priorities for ${year}; `,
    late ? `the date to agree by, ${longDate(teams.agreeBy)}, has passed.` : `by ${longDate(teams.agreeBy)}.`,
  );
}

export function yearPlanSection(session: Session, first: YearPlanView, createOffer: (line: CommissionLineView) => void): YearPlanSection {
  const section = h('section', { 'aria-labelledby': 'year-plan' });
  const problems = errorBox();
  let lines: LinesPart | undefined;

  const reload = async () => {
    try {
      render(await call<YearPlanView>(session, 'org/year'));
      replace(problems);
    } catch (err) {
      showErrors(problems, err);
    }
  };
  /** After a change the part's form is gone: the focus goes to its heading, and the change is said. */
  const changed = (headingId: string) => async (message: string) => {
    await reload();
    section.querySelector<HTMLElement>(`#${headingId}`)?.focus();
    announce(message);
  };
  const subheading = (id: string, text: string) => h('h3', { id, tabindex: '-1' }, text);

  function render(plan: YearPlanView) {
    lines = linesPart(session, plan, { changed: changed('commissioning'), createOffer });
    replace(section,
      h('h2', { id: 'year-plan' }, `This year's plan (${plan.year})`),
      problems,
      teamsAgreed(plan.teams, plan.year),
      workbookButton(session),
      subheading('budget', 'Budget'),
      budgetPart(session, plan.budget, changed('budget')),
      subheading('commissioning', 'Commissioning'),
      lines.element,
      subheading('reach', 'Who the year’s places and money reach'),
      reachPart(plan.reach),
      subheading('benchmark', 'Benchmark'),
      benchmarkPart(plan.benchmark),
    );
  }

  render(first);
  return { element: section, commission: (code) => lines?.open({ code }), reload };
}
