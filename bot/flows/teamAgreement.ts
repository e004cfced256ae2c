// `team priorities` (and `team plan`): a team's agreed priorities for the year. Its manager agrees
// them on the card, over the version it showed; the rest of the time the card says what is agreed.
import { z } from 'zod';
import { teamAgreementCard, type AgreementRow } from '../../cards/teamAgreement';
import { COMPOSER_CHOICES } from '../../cards/offers';
import { formatDay, formatFullDay } from '../../core/calendar';
import { describeCode } from '../../core/commonCore';
import type { AgreedPriority } from '../../core/teamAgreement';
import { plural } from '../../core/words';
import { type CardOf, updateCardContext } from '../../app/cards';
import { typed } from '../../app/fields';
import { agreeTeamPriorities, agreementFor } from '../../app/plans/agreements';
import { agreementViewFor, type AgreementView } from '../../app/plans/teamAgreementView';
import { todayFor } from '../../app/people/today';
import type { BotDeps } from '../context';
import { defineAction, type CardFlow, type FormState } from './flow';

const MAX_ROWS = 10;
// Each row arrives as code_n, why_n, term_n; what they mean is checked by agreeTeamPriorities.
const rowsInput = z.looseObject(Object.fromEntries(Array.from({ length: MAX_ROWS }, (_, i) => i + 1).flatMap((n) => [
  [`code_${n}`, z.string().max(20, `Priority ${n}: choose an area from the list.`).optional()],
  [`why_${n}`, z.string().max(1000, `Priority ${n}: why is too long.`).optional()],
  [`term_${n}`, z.string().max(40, `Priority ${n}: choose a target term from the list.`).optional()],
])));

function prioritiesFrom(input: Record<string, unknown>, rows: number): { priorities: AgreedPriority[]; problems: string[] } {
  const priorities: AgreedPriority[] = [];
  const problems: string[] = [];
  for (let n = 1; n <= rows; n++) {
    const code = typed(input, `code_${n}`, 20).trim();
    const why = typed(input, `why_${n}`, 1000).trim();
    if (!code && why) problems.push(`Priority ${n}: choose an area, or clear its why.`);
    if (code) priorities.push({ code, why, term: typed(input, `term_${n}`, 40) });
  }
  return { priorities, problems };
}

function statusLine(view: AgreementView, today: string): string {
  const c = view.current;
  if (c) {
    const earlier = c.history.length > 0 ? ` ${plural(c.history.length, 'earlier version', 'earlier versions')} kept.` : '';
    return `Version ${c.version}, agreed by ${c.agreedByName} on ${formatDay(c.agreedAt.slice(0, 10), today)}.${earlier}`;
  }
  return today > view.agreeBy
    ? `Not agreed yet: teams were to agree their priorities for ${view.year} by ${formatFullDay(view.agreeBy)}.`
    : `Not agreed yet. Teams agree their priorities for ${view.year} by ${formatFullDay(view.agreeBy)}.`;
}

function rowsOf(view: AgreementView, values: Record<string, unknown> | undefined): AgreementRow[] {
  const fallbackTerm = view.terms[Math.min(2, view.terms.length - 1)] ?? '';
  return Array.from({ length: view.maxPriorities }, (_, i) => {
    const n = i + 1;
    if (values) return { code: typed(values, `code_${n}`, 20), why: typed(values, `why_${n}`, 200), term: typed(values, `term_${n}`, 40) || fallbackTerm };
    const agreed = view.current?.priorities[i];
    if (agreed) return { code: agreed.code, why: agreed.why, term: view.terms.includes(agreed.term) ? agreed.term : fallbackTerm };
    if (!view.current && view.suggested[i]) return { code: view.suggested[i], why: '', term: fallbackTerm };
    return { code: '', why: '', term: fallbackTerm };
  });
}

async function render(deps: BotDeps, card: CardOf<'teamAgreement'>, form?: FormState) {
  const manager = await deps.people.get(card.tenantId, card.recipientId);
  const today = await todayFor(deps, card.tenantId, card.recipientId);
  const view = manager ? await agreementViewFor(deps, manager, today) : null;
  const team = card.context.team;
  if (!view || view.team !== team) {
    return teamAgreementCard({
      cardId: card.cardId, year: view?.year ?? '', team, status: `You no longer manage ${team} in Weave, so this card can't agree its priorities.`, current: [], ratings: [], ratingsNote: '',
      suggested: '', form: null, notLead: '', errors: form?.errors ?? [], note: '', footer: '',
    });
  }
  const shown = (n: number | null) => (n === null ? 'not shown' : n.toFixed(1));
  const ratings = view.benchmark.some((r) => r.team !== null || r.organisation !== null)
    ? view.benchmark.map((r) => ({ title: describeCode(r.area), value: `team ${shown(r.team)} · organisation ${shown(r.organisation)}` }))
    : [];
  return teamAgreementCard({
    cardId: card.cardId,
    year: view.year,
    team,
    status: statusLine(view, today),
    current: (view.current?.priorities ?? []).map((p) => ({ heading: `${describeCode(p.code)}, by ${p.term}`, why: p.why })),
    ratings,
    ratingsNote: `Mean self-rating at appraisals this year: 1 not yet, 2 developing, 3 secure, 4 a strength. "Not shown" where fewer than ${deps.planPolicy.threshold} people rated it, in the team or the rest of the organisation.`,
    suggested: view.suggested.length > 0 ? `Most needed in the team's plan: ${view.suggested.map(describeCode).join('; ')}.` : '',
    form: view.isLead ? { rows: rowsOf(view, form?.values), codes: COMPOSER_CHOICES.codes, terms: view.terms, agreeTitle: view.current ? 'Agree these instead' : 'Agree these priorities' } : null,
    notLead: view.isLead ? '' : `Only ${team}'s team manager (the manager most of ${team} report to) agrees its priorities.`,
    errors: form?.errors ?? [],
    note: form?.note ?? '',
    footer: `Members see the priorities in their plan, marked where their own needs touch them; never who needs what. L&D see how many teams have agreed, not which.`,
  });
}

export const teamAgreementFlow: CardFlow<'teamAgreement'> = {
  kind: 'teamAgreement',
  render,
  actions: {
    'team.agree': defineAction({
      schema: rowsInput,
      audience: { role: 'manager', refusal: 'Only a team\'s manager agrees its priorities.' },
      closesCard: false,
      async handle({ deps }, card, input) {
        const manager = await deps.people.get(card.tenantId, card.recipientId);
        if (!manager) return { invalid: ['Weave no longer knows you as a manager.'] };
        const { priorities, problems } = prioritiesFrom(input, deps.planPolicy.teamPlans.maxPriorities);
        if (problems.length > 0) return { invalid: problems };
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const agreed = await agreeTeamPriorities(deps, manager, card.context.team, priorities, card.context.seenVersion, today);
        if ('invalid' in agreed) {
          // Refused because someone agreed first: the card now shows theirs, and agreeing again is over it.
          const now = await agreementFor(deps, card.tenantId, card.context.team, today);
          if ((now?.version ?? null) !== card.context.seenVersion) await updateCardContext(deps.cards, card, { ...card.context, seenVersion: now?.version ?? null });
          return agreed;
        }
        const saved = await updateCardContext(deps.cards, card, { ...card.context, seenVersion: agreed.agreement.version });
        return {
          card: await render(deps, saved, {
            note: `Agreed: version ${agreed.agreement.version}, ${plural(priorities.length, 'priority', 'priorities')}. Members see them in their plan, and the team's digest leads with them from its next post.`,
          }),
        };
      },
    }),
  },
};
