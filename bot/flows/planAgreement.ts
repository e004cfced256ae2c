// Next year's plan, agreed at appraisal: the appraiser agrees or comments on each need the appraisee
// proposed (planAgreement), then the appraisee agrees the plan (planConfirm). Dated for both; what
// changes after is marked in the plan.
import { z } from 'zod';
import { planAgreementCard, planConfirmCard, type AgreementNeed } from '../../cards/afterSession';
import { noticeCard } from '../../cards/notice';
import { formatDate, formatFullDay } from '../../core/calendar';
import { firstName, nameOf } from '../../core/people';
import { isGuid } from '../../core/validation';
import type { CardOf } from '../../app/cards';
import { choice, messagesOf, text, typed } from '../../app/fields';
import { agreePlan, loadProposal, reviewPlan, type Decision, type Proposal } from '../../app/appraisals/agreement';
import { todayFor } from '../../app/people/today';
import { needDetails, needHeading } from '../../views/plan';
import type { BotDeps } from '../context';
import { defineAction, type CardFlow, type FormState } from './flow';

const decisionSchema = (id: string) => z.object({
  [`decision_${id}`]: choice('Your view', ['agreed', 'commented']),
  [`comment_${id}`]: text('Your comment', { max: 500, multiline: true }),
});

const agreedOn = (at: string | null) => (at ? formatFullDay(at.slice(0, 10)) : 'a date not recorded');

function settled(p: Proposal): ReturnType<typeof noticeCard> {
  const { appraisal, person } = p;
  const year = `the year from ${formatDate(appraisal.period)}`;
  if (appraisal.status === 'agreed') return noticeCard({ title: 'Plan agreed', tone: 'good', lines: [`${nameOf(person)}'s plan for ${year} was agreed by you both on ${agreedOn(appraisal.agreedAt)}. Type view plan to see it.`] });
  return noticeCard({ title: `Sent to ${firstName(person)} to agree`, lines: [`Your view of ${nameOf(person)}'s plan for ${year} is with them. You'll hear when they agree it.`] });
}

async function renderAgreement(deps: BotDeps, card: CardOf<'planAgreement'>, form?: FormState) {
  const p = await loadProposal(deps, card.tenantId, card.context.sessionKey);
  if (!p) return noticeCard({ title: 'Nothing to agree', lines: ['There is no appraisal preparation for this plan.'] });
  if (p.appraisal.status !== 'proposed' || card.state === 'done') return settled(p);
  const { appraisal, person, needs } = p;
  const first = firstName(person);
  const today = await todayFor(deps, card.tenantId, card.recipientId);
  const v = form?.values;
  const views: AgreementNeed[] = needs.map((n) => ({
    needId: n.needId, codes: needHeading(n), description: n.description, detail: needDetails(n, today, first)[0] ?? '',
    decision: typed(v, `decision_${n.needId}`, 20), comment: typed(v, `comment_${n.needId}`, 500),
  }));
  return planAgreementCard({
    cardId: card.cardId,
    eyebrow: 'After the appraisal',
    title: `${nameOf(person)}'s plan for the year from ${formatDate(appraisal.period)}`,
    subtitle: `${first} proposed these at their appraisal on ${formatDate(appraisal.date)}. Agree each, or comment on it; ${first} then agrees the plan, and it is dated for you both.`,
    errors: form?.errors ?? [],
    note: form?.notice ?? null,
    warnings: [],
    needs: views,
    empty: `${first}'s plan for next year has no open needs yet: send it to them to agree as it is, and talk about what to add.`,
    footer: `Your comments go on the needs in ${first}'s plan, which only they and the people who manage or supervise them see.`,
    submitTitle: `Send to ${first} to agree`,
  });
}

async function loadConfirm(deps: BotDeps, card: CardOf<'planConfirm'>) {
  const p = await loadProposal(deps, card.tenantId, card.context.sessionKey);
  return p && p.person.aadObjectId === card.recipientId ? p : undefined;
}

async function renderConfirm(deps: BotDeps, card: CardOf<'planConfirm'>, form?: FormState) {
  const p = await loadConfirm(deps, card);
  if (!p) return noticeCard({ title: 'Nothing to agree', lines: ['This plan is no longer in Weave.'] });
  const { appraisal } = p;
  const appraiser = appraisal.appraiserId ? await deps.people.get(card.tenantId, appraisal.appraiserId) : undefined;
  const who = appraiser ? firstName(appraiser) : 'Your appraiser';
  const commented = appraisal.items.filter((i) => i.decision === 'commented').length;
  const agreed = appraisal.status === 'agreed';
  return planConfirmCard({
    cardId: card.cardId,
    eyebrow: 'Your plan for next year',
    title: `Your Learning Development Plan for the year from ${formatDate(appraisal.period)}`,
    subtitle: agreed
      ? `Agreed by you and ${appraiser ? nameOf(appraiser) : 'your appraiser'} on ${agreedOn(appraisal.agreedAt)}. Changes from now on are marked in your plan.`
      : `${who} agreed ${appraisal.items.length - commented} and commented on ${commented}. Agree the plan, or change it first in my plan and then agree it.`,
    note: form?.note ?? '',
    errors: form?.errors ?? [],
    items: appraisal.items.map((i) => ({
      codes: i.codes.join(' · '), description: i.description, view: i.decision === 'agreed' ? `${who} agreed` : `${who}: ${i.comment}`,
    })),
    canAgree: appraisal.status === 'reviewed' && card.state === 'open',
    footer: 'Only you and the people who manage or supervise you see your plan.',
  });
}

export const planAgreementFlow: CardFlow<'planAgreement'> = {
  kind: 'planAgreement',
  render: renderAgreement,
  actions: {
    'agreement.review': defineAction({
      schema: z.object({}).loose(),
      audience: { managerOfPerson: true, refusal: "You don't manage this person now, so you can't agree their plan." },
      closesCard: true,
      async handle({ deps }, card, input) {
        const p = await loadProposal(deps, card.tenantId, card.context.sessionKey);
        if (!p) return { card: noticeCard({ title: 'Nothing to agree', lines: ['There is no appraisal preparation for this plan.'] }) };
        const decisions: Record<string, Decision> = {};
        const problems: string[] = [];
        for (const need of p.needs) {
          if (!isGuid(need.needId)) continue;
          const parsed = decisionSchema(need.needId).safeParse(input);
          if (!parsed.success) problems.push(...messagesOf(parsed.error));
          else {
            const f = parsed.data as Record<string, string>;
            decisions[need.needId] = { decision: f[`decision_${need.needId}`] as Decision['decision'], comment: f[`comment_${need.needId}`] ?? '' };
          }
        }
        if (problems.length > 0) return { invalid: [...new Set(problems)] };
        const appraiser = await deps.people.get(card.tenantId, card.recipientId);
        if (!appraiser) return { invalid: ['Weave does not know you on the roster.'] };
        const reviewed = await reviewPlan(deps, p, appraiser, decisions);
        if ('invalid' in reviewed) return reviewed;
        return { card: settled({ ...p, appraisal: { ...p.appraisal, status: 'reviewed' } }) };
      },
    }),
  },
};

export const planConfirmFlow: CardFlow<'planConfirm'> = {
  kind: 'planConfirm',
  render: renderConfirm,
  actions: {
    'agreement.confirm': defineAction({
      schema: z.object({}),
      closesCard: true,
      async handle({ deps }, card) {
        const p = await loadConfirm(deps, card);
        if (!p) return { card: noticeCard({ title: 'Nothing to agree', lines: ['This plan is no longer in Weave.'] }) };
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const agreed = await agreePlan(deps, p.appraisal, p.person, today);
        if ('invalid' in agreed) return agreed;
        return { card: await renderConfirm(deps, { ...card, state: 'done' }, { note: `Agreed. Your plan is dated ${formatFullDay(agreed.agreedOn)}.` }) };
      },
    }),
  },
};
