// My team's agreed priorities for the organisation's year: what is agreed now (version, who, when,
// how many earlier versions) and the lead's form to agree them, read again once agreed.
import type { TeamAgreementView } from '../../../../api/shapes';
import { h, replace } from '../../dom';
import { disclosure, errorBox, showErrors } from '../../forms';
import { longDate } from '../../format';
import { call, type Session } from '../../session';
import { agreeForm } from './agreeForm';

function agreed(view: TeamAgreementView): HTMLElement[] {
  const now = view.current;
  if (!now) return [h('p', {}, `Not agreed yet. Teams agree their priorities for ${view.year} by ${longDate(view.agreeBy)}.`)];
  const earlier = now.earlierVersions === 0 ? '' : ` ${now.earlierVersions} earlier ${now.earlierVersions === 1 ? 'version' : 'versions'} kept.`;
  return [
    h('p', {}, `Version ${now.version}, agreed by ${now.agreedByName} on ${longDate(now.agreedAt)}.${earlier}`),
    h('ol', { class: 'priorities' }, now.priorities.map((p) => h('li', { class: 'card' },
      h('strong', {}, p.label),
      h('p', { class: 'pre' }, p.why),
      h('p', { class: 'muted' }, `By ${p.term}`),
    ))),
  ];
}

export function agreementSection(session: Session, first: TeamAgreementView): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'agreed-priorities' });
  const render = (view: TeamAgreementView) => {
    const panel = h('div', { class: 'card' });
    const form = view.isLead
      ? disclosure('agree-form', view.current ? 'Change the team’s priorities' : 'Agree team priorities', panel, () => replace(panel, agreeForm(session, view, () => void reload())))
      : null;
    replace(section,
      h('h2', { id: 'agreed-priorities', tabindex: '-1' }, `Team priorities for ${view.year}`),
      agreed(view),
      form ? form.element : h('p', { class: 'muted' }, `Only ${view.team ?? 'the team'}’s team manager (the manager most of it reports to) agrees its priorities.`),
    );
  };
  const reload = async () => {
    try {
      render(await call<TeamAgreementView>(session, 'team/agreement'));
      section.querySelector<HTMLElement>('h2')?.focus();
    } catch (err) {
      const box = errorBox();
      section.append(box);
      showErrors(box, err);
    }
  };
  render(first);
  return section;
}
