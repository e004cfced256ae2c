// After a supervision: its supervisor says whether it was held (and what was agreed), moved, or did
// not happen. Until they do, it does not count as held. Only whoever supervises the person now may
// answer (the card's audience, and again in app/sessions/outcome.ts).
import { z } from 'zod';
import { type ACTION_FIELDS, sessionOutcomeCard, type SESSION_OUTCOME_FIELDS, type ActionValues } from '../../cards/afterSession';
import { noticeCard } from '../../cards/notice';
import { formatDay, type IsoDate } from '../../core/calendar';
import { AREA_CODES } from '../../core/commonCore';
import { firstName, nameOf } from '../../core/people';
import { ACTION_OWNER_CODES, type ActionOwner } from '../../core/sessions';
import type { CardOf } from '../../app/cards';
import { choice, date, text, toggle, typed } from '../../app/fields';
import { todayFor } from '../../app/people/today';
import { ACTION_SLOTS, describeAction, recordOutcome, type NewAction, type Outcome } from '../../app/sessions/outcome';
import { loadPreparation, type Preparation } from '../../app/sessions/preparation';
import { findingLines } from '../../views/identifying';
import type { Asking, BotDeps } from '../context';
import { defineAction, type ActionAudience, type CardFlow, type FormState } from './flow';
import { when } from './sessionViews';

const SLOTS = Array.from({ length: ACTION_SLOTS }, (_, i) => i + 1);
const slotKey = (n: number, field: (typeof ACTION_FIELDS)[number]) => `action${n}${field}`;

const heldSchema = z.object({
  ...Object.fromEntries(SLOTS.flatMap((n) => [
    [slotKey(n, 'Text'), text(`Action ${n}`, { max: 150 })],
    [slotKey(n, 'Owner'), choice(`Whose action ${n} is`, ACTION_OWNER_CODES, { required: false })],
    [slotKey(n, 'Due'), date(`When action ${n} is due`)],
    [slotKey(n, 'Area'), choice(`Area of the Common Core for action ${n}`, AREA_CODES, { required: false })],
  ])),
  confirmNotIdentifying: toggle(),
}).superRefine((v, ctx) => {
  const values = v as Record<string, unknown>;
  for (const n of SLOTS) {
    const filled = !!values[slotKey(n, 'Text')];
    if (filled && !values[slotKey(n, 'Due')]) ctx.addIssue({ code: 'custom', message: `Action ${n}: choose the date it is due by.` });
    if (!filled && (values[slotKey(n, 'Due')] || values[slotKey(n, 'Area')])) ctx.addIssue({ code: 'custom', message: `Action ${n}: say what it is, or clear its choices.` });
  }
});

const movedSchema = z.object({ newDate: date('The new date', { required: true }) } satisfies Partial<Record<(typeof SESSION_OUTCOME_FIELDS)[number], z.ZodType>>);
const notHeldSchema = z.object({ reason: text('Why it did not happen', { max: 200, required: true }) } satisfies Partial<Record<(typeof SESSION_OUTCOME_FIELDS)[number], z.ZodType>>);

const AUDIENCE: ActionAudience = { managerOfPerson: true, refusal: "You don't supervise this person now, so you can't record their supervision." };

function actionsOf(values: Record<string, unknown>): NewAction[] {
  return SLOTS.filter((n) => values[slotKey(n, 'Text')]).map((n) => ({
    text: values[slotKey(n, 'Text')] as string, owner: ((values[slotKey(n, 'Owner')] as string) || 'person') as ActionOwner,
    due: values[slotKey(n, 'Due')] as IsoDate, area: (values[slotKey(n, 'Area')] as string) || '',
  }));
}

/** What the card says once answered, by whoever (the supervisor) holds it. */
function answered(p: Preparation, today: IsoDate) {
  const { session, person } = p;
  const what = `${nameOf(person)}'s supervision on ${formatDay(session.date, today)}`;
  const o = session.outcome;
  if (session.status === 'held' && o) {
    const voice = { supervisor: 'you', person: firstName(person) };
    return noticeCard({
      title: `Recorded: ${what} was held`, tone: 'good',
      lines: o.actions.length
        ? [`You agreed:`, ...o.actions.map((a) => `• ${describeAction(a, voice, today)}`), `${firstName(person)} sees these in their chat and their plan. A learning action joins their plan, which their line manager also sees; the rest only the two of you do.`]
        : ['Nothing was recorded as agreed.'],
    });
  }
  if (session.status === 'moved') return noticeCard({ title: `Recorded: ${what} moved`, lines: [`To ${session.movedTo ? formatDay(session.movedTo, today) : 'another date'}. ${firstName(person)} has been told, and will be asked to prepare.`] });
  if (session.status === 'not_held') return noticeCard({ title: `Recorded: ${what} did not happen`, lines: [o?.reason ? `Why: ${o.reason}` : ''].filter(Boolean) });
  return noticeCard({ title: 'Nothing to record', lines: [`${what} is no longer waiting for an answer.`] });
}

async function render(deps: BotDeps, card: CardOf<'sessionOutcome'>, form?: FormState) {
  const p = await loadPreparation(deps, card.tenantId, card.context.sessionKey);
  if (!p) return noticeCard({ title: 'Nothing to record', lines: ['This session is no longer in Weave.'] });
  const today = await todayFor(deps, card.tenantId, card.recipientId);
  if (p.session.status !== 'unconfirmed' || card.state === 'done') return answered(p, today);
  const { session, person } = p;
  const first = firstName(person);
  const v = form?.values;
  const actions: ActionValues[] = SLOTS.map((n) => ({
    n, text: typed(v, slotKey(n, 'Text'), 150), owner: typed(v, slotKey(n, 'Owner'), 20) || 'person', due: typed(v, slotKey(n, 'Due'), 10), area: typed(v, slotKey(n, 'Area'), 10),
  }));
  const expected = session.source === 'cadence' ? ' Weave expected it then, by the supervision policy.' : '';
  const prepared = session.answeredAt ? `${first} prepared for it.` : `${first} had not prepared for it.`;
  return sessionOutcomeCard({
    cardId: card.cardId,
    eyebrow: 'After supervision',
    title: `${nameOf(person)}: supervision on ${when(session, today)}`,
    subtitle: `Did it happen?${expected} ${prepared} Until you say, it does not count as held: team status and the overdue rule go by what you confirm.`,
    errors: form?.errors ?? [],
    note: form?.notice ?? null,
    warnings: form?.warnings ?? [],
    actions,
    owners: [{ code: 'person', label: first }, { code: 'supervisor', label: 'You' }, { code: 'both', label: 'Both of you' }],
    actionsNote: `Up to three, each optional. Give one an area of the Common Core and it is learning: it joins ${first}'s plan. ${first} sees what you agree in their chat and their plan. Learning joins the plan, which their line manager also sees; the rest only the two of you do.`,
    footer: 'Please keep actions free of anything that identifies a child or family.',
    today,
    minDate: session.date,
  });
}

function act(outcomeOf: (input: Record<string, unknown>) => Outcome) {
  return async ({ deps, person: me, turn }: Asking, card: CardOf<'sessionOutcome'>, input: Record<string, unknown>) => {
    const p = await loadPreparation(deps, card.tenantId, card.context.sessionKey);
    if (!p) return { card: noticeCard({ title: 'Nothing to record', lines: ['This session is no longer in Weave.'] }) };
    const today = await todayFor(deps, card.tenantId, card.recipientId);
    const recorder = { id: card.recipientId, name: me ? nameOf(me) : turn.user.name };
    const result = await recordOutcome(deps, p, recorder, outcomeOf(input), today);
    if ('invalid' in result) return result;
    if ('identifying' in result) return { invalid: [], warnings: findingLines(result.identifying) };
    const after = await loadPreparation(deps, card.tenantId, card.context.sessionKey);
    return { card: answered(after ?? p, today) };
  };
}

export const sessionOutcomeFlow: CardFlow<'sessionOutcome'> = {
  kind: 'sessionOutcome',
  render,
  actions: {
    'outcome.held': defineAction({
      schema: heldSchema, audience: AUDIENCE, closesCard: true,
      handle: act((input) => ({ outcome: 'held', actions: actionsOf(input), confirmNotIdentifying: input.confirmNotIdentifying === true })),
    }),
    'outcome.moved': defineAction({
      schema: movedSchema, audience: AUDIENCE, closesCard: true,
      handle: act((input) => ({ outcome: 'moved', newDate: input.newDate as IsoDate })),
    }),
    'outcome.notHeld': defineAction({
      schema: notHeldSchema, audience: AUDIENCE, closesCard: true,
      handle: act((input) => ({ outcome: 'not_held', reason: input.reason as string })),
    }),
  },
};
