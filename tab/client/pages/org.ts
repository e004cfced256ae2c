// Organisation (L&D admins): the organisation's priorities (each with Commission), this year's plan
// as L&D decide it (budget, commissioning lines, reach, benchmark, the workbook), who CPD reaches,
// supervision against the policy and what gets in the way, the integration pulse, learning triggers, the offer composer (which a
// line can fill) and how offers are going.
import type { ComposerOptions, OfferProgress, OrgView, YearPlanView } from '../../../api/shapes';
import { h, replace } from '../dom';
import { call, type Session } from '../session';
import { composer } from './compose';
import { equitySection } from './org/equity';
import { offerProgressSection } from './org/offerProgress';
import { prioritiesSection } from './org/priorities';
import { loopSection } from './org/loop';
import { pulseSection } from './org/pulse';
import { mandatorySection } from './org/mandatory';
import { pathwaysSection } from './org/pathways';
import { turnoverSection } from './org/turnover';
import { triggersSection } from './org/triggers';
import { yearPlanSection } from './org/yearPlan';

export async function orgPage(main: HTMLElement, session: Session): Promise<void> {
  const [org, year, options, offers] = await Promise.all([
    call<OrgView>(session, 'org'), call<YearPlanView>(session, 'org/year'), call<ComposerOptions>(session, 'offers/options'), call<OfferProgress[]>(session, 'offers'),
  ]);
  const progress = offerProgressSection(session, offers);
  const compose = composer(session, options, () => void Promise.all([progress.reload(), plan.reload()]));
  const plan = yearPlanSection(session, year, (line) => compose.fromLine(line));
  replace(main,
    h('h1', {}, 'Organisation'),
    h('p', { class: 'strong' }, org.summary),
    prioritiesSection(org, (code) => plan.commission(code)),
    plan.element,
    equitySection(org),
    loopSection(org),
    pulseSection(org.pulse),
    mandatorySection(org),
    pathwaysSection(org),
    turnoverSection(org),
    triggersSection(session, org, (t) => compose.fromTrigger(t)),
    h('section', { 'aria-labelledby': 'compose' },
      h('h2', { id: 'compose' }, 'Offer learning'),
      compose.element,
    ),
    progress.element,
  );
}
