// L&D's year plan in chat: the commissioning lines and budget (`year plan`), and each line on its own
// card — made from a priority in the org plan, changed, moved on one step at a time, and turned into
// a learning offer that stays linked to it. Only L&D act on these cards.
import { z } from 'zod';
import { commissionLineCard, yearPlanCard } from '../../cards/commissioning';
import { noticeCard } from '../../cards/notice';
import { canMove, formatPounds, LINE_FIELDS, LINE_STATUS_LABELS, LINE_STATUSES, type LineStatus, type LineValues } from '../../core/commissioning';
import { describeCode } from '../../core/commonCore';
import { formatFullDay } from '../../core/calendar';
import { orgYearOf } from '../../core/orgYear';
import { tabLink } from '../../core/tabLink';
import { plural } from '../../core/words';
import { type CardOf, updateCardContext } from '../../app/cards';
import { choice, pounds, text, typed } from '../../app/fields';
import { currentYear } from '../../app/plans/agreements';
import { moveLine, saveLine, setBudget } from '../../app/plans/commissioning';
import { lineOptions } from '../../app/plans/lineOptions';
import { progressOf, yearPlanOf } from '../../app/plans/yearPlan';
import { audienceWords, describeYearPlan, lineValues, providerWords } from '../../app/plans/yearPlanView';
import { todayFor } from '../../app/people/today';
import type { BotDeps } from '../context';
import { defineAction, issueCard, type CardFlow, type FormState } from './flow';
import { offerComposeFlow } from './offers/compose';

const LD = { role: 'ld_admin', refusal: 'Only L&D admins change the organisation\'s plan.' } as const;
const CHANGED = 'Someone changed this line at the same time. It shows their change now: look again, then save.';

export const EMPTY_LINE: LineValues = {
  title: '', code: '', format: 'bite_size_workshop', professions: '', services: '', teams: '', registration: 'any', providerKind: 'internal', providerPeople: '',
  providerName: '', places: '12', estimated: '', budgetLine: '',
};

/** What the line may become next, beyond being delivered (which asks what it cost). */
const NEXT_STEP: Record<LineStatus, string> = {
  proposed: 'Agree it once it is funded; Create offer to put it in front of people.',
  agreed: 'Create the offer: it goes to the people the line is for, and counts here.',
  offered: 'Once it has happened, record it delivered with what it cost.',
  delivered: 'Evaluate it: was it what the priority needed? Then mark it evaluated.',
  evaluated: 'Done for this year.',
};

const movesBack = (from: LineStatus, to: LineStatus) => LINE_STATUSES.indexOf(to) < LINE_STATUSES.indexOf(from);

const etagInput = z.looseObject({ etag: z.string().max(200).optional() });
const moveInput = z.looseObject({ to: choice('Status', LINE_STATUSES), etag: z.string().max(200).optional(), actual: pounds('What it actually cost') });

async function renderLine(deps: BotDeps, card: CardOf<'commissionLine'>, form?: FormState) {
  const { year, lineId } = card.context;
  const today = await todayFor(deps, card.tenantId, card.recipientId);
  const [line, choices, people] = await Promise.all([
    lineId ? deps.commissioning.getLine(card.tenantId, year, lineId) : undefined, lineOptions(deps, card.tenantId, today), deps.people.list(card.tenantId),
  ]);
  if (lineId && !line) return noticeCard({ title: 'Not in the plan', lines: ['That commissioning line is no longer in the year\'s plan.'] });
  const yearLabel = orgYearOf(year, deps.planPolicy.orgYear.startsOn).label;
  const typedIn = form?.values && 'title' in form.values ? form.values : undefined;
  const values: LineValues = typedIn
    ? (Object.fromEntries(LINE_FIELDS.map((f) => [f, typed(typedIn, f, 200)])) as LineValues)
    : line ? lineValues(line) : { ...EMPTY_LINE, ...card.context.prefill };
  const base = { cardId: card.cardId, year: yearLabel, values, choices, errors: form?.errors ?? [], note: form?.note ?? '' };
  if (!line) {
    return commissionLineCard({ ...base, title: 'New commissioning line', status: 'What to commission, for whom, who delivers it and what it costs. It starts as proposed.', facts: [], editing: true, canOffer: false, moves: [], deliver: '' });
  }
  const names = new Map(people.map((p) => [p.aadObjectId, p.preferredName || p.displayName]));
  const p = await progressOf(deps, line);
  return commissionLineCard({
    ...base,
    title: line.title,
    status: `${LINE_STATUS_LABELS[line.status]}. ${NEXT_STEP[line.status]}`,
    facts: [
      { title: 'Priority', value: describeCode(line.code) },
      { title: 'For', value: audienceWords(line) },
      { title: 'Delivered by', value: providerWords(line, (id) => names.get(id) ?? 'someone who has left') },
      { title: 'Places', value: `${line.places} planned · ${p.offered} offered · ${p.booked} booked · ${p.attended} attended` },
      ...(p.evaluation.responses ? [{ title: 'What attendees said', value: p.evaluation.text }] : []),
      { title: 'Cost', value: `${formatPounds(line.estimatedPence)} estimated${line.actualPence === null ? '' : ` · ${formatPounds(line.actualPence)} actual`}` },
      { title: 'Budget line', value: line.budgetLine },
      { title: 'Offers made from it', value: String(line.offerIds.length) },
    ],
    editing: !!typedIn && (form?.errors?.length ?? 0) > 0,
    canOffer: line.status === 'proposed' || line.status === 'agreed' || line.status === 'offered',
    moves: LINE_STATUSES.filter((s) => s !== 'delivered' && canMove(line.status, s)).map((s) => ({ to: s, title: `${movesBack(line.status, s) ? 'Back to' : 'Move to'} ${LINE_STATUS_LABELS[s].toLowerCase()}` })),
    deliver: canMove(line.status, 'delivered') ? 'Record it delivered' : '',
    etag: line.etag,
  });
}

export const commissionLineFlow: CardFlow<'commissionLine'> = {
  kind: 'commissionLine',
  render: renderLine,
  actions: {
    'line.save': defineAction({
      schema: etagInput,
      audience: LD,
      closesCard: false,
      async handle({ deps }, card, input) {
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        if (card.context.lineId === null && card.context.year !== currentYear(deps, today).start) return { invalid: ['The year this line was for has ended: commission it again from this year\'s org plan.'] };
        const saved = await saveLine(deps, card.tenantId, card.recipientId, card.context.lineId, card.context.lineId ? input.etag ?? null : null, input, today);
        if ('invalid' in saved) return saved;
        const now = await updateCardContext(deps.cards, card, { year: saved.line.year, lineId: saved.line.lineId });
        return { card: await renderLine(deps, now, { note: card.context.lineId ? 'Saved.' : 'Added to the year\'s plan as proposed.' }) };
      },
    }),
    'line.move': defineAction({
      schema: moveInput,
      audience: LD,
      closesCard: false,
      async handle({ deps }, card, input) {
        const line = card.context.lineId ? await deps.commissioning.getLine(card.tenantId, card.context.year, card.context.lineId) : undefined;
        if (!line) return { invalid: ['That line is not in the year\'s plan.'] };
        if (input.etag !== undefined && input.etag !== line.etag) return { invalid: [CHANGED] };
        const moved = await moveLine(deps, line, input.to, input.to === 'delivered' ? input.actual : null);
        if ('invalid' in moved) return moved;
        return { card: await renderLine(deps, card, { note: `Moved to ${LINE_STATUS_LABELS[moved.line.status].toLowerCase()}.` }) };
      },
    }),
    'line.offer': defineAction({
      schema: z.looseObject({}),
      audience: LD,
      closesCard: false,
      async handle({ deps }, card) {
        const line = card.context.lineId ? await deps.commissioning.getLine(card.tenantId, card.context.year, card.context.lineId) : undefined;
        if (!line) return { invalid: ['That line is not in the year\'s plan.'] };
        const offer = await issueCard(deps, offerComposeFlow, {
          tenantId: card.tenantId, recipientId: card.recipientId, ttlDays: 60, context: { offerId: deps.newId(), line: { year: line.year, lineId: line.lineId } },
        });
        return {
          card: await renderLine(deps, card, { note: 'The offer is below, filled in from the line: add the date, place and description, preview it and send. Once sent it counts on this line.' }),
          followUps: [{ card: offer, summary: `Offer for ${line.title}` }],
        };
      },
    }),
  },
};

/** The budget form's rows: what is set, then empty ones to add to, up to this many. */
const BUDGET_ROWS = 8;
const budgetInput = z.looseObject({
  etag: z.string().max(200).optional(),
  ...Object.fromEntries(Array.from({ length: BUDGET_ROWS }, (_, i) => i + 1).flatMap((n) => [
    [`name_${n}`, text(`Budget line ${n}`, { max: 80, noLinks: true })],
    [`pounds_${n}`, pounds(`Budget line ${n}'s amount`)],
  ])) as Record<string, z.ZodType<string | number | null>>,
});

async function renderYear(deps: BotDeps, card: CardOf<'yearPlan'>, form?: FormState) {
  const today = await todayFor(deps, card.tenantId, card.recipientId);
  const plan = await yearPlanOf(deps, card.tenantId, today);
  const view = await describeYearPlan(deps, card.tenantId, plan);
  const budget = await deps.commissioning.getBudget(card.tenantId, plan.year.start);
  const t = plan.teams;
  const set = (budget?.lines ?? []).map((l) => ({ name: l.name, pounds: (l.pence / 100).toFixed(2) }));
  const rows = form?.values && 'name_1' in form.values
    ? Array.from({ length: BUDGET_ROWS }, (_, i) => ({ name: typed(form.values, `name_${i + 1}`, 80), pounds: typed(form.values, `pounds_${i + 1}`, 20) }))
    : [...set, ...Array.from({ length: Math.max(2, BUDGET_ROWS - set.length) }, () => ({ name: '', pounds: '' }))].slice(0, BUDGET_ROWS);
  return yearPlanCard({
    cardId: card.cardId,
    year: view.year,
    teams: `${t.agreed} of ${plural(t.of, 'team has', 'teams have')} agreed their priorities for the year${t.due ? `; the date to agree by, ${formatFullDay(t.agreeBy)}, has passed.` : `, by ${formatFullDay(t.agreeBy)}.`}`,
    budget: budget ? [
      { title: 'Total', value: view.budget.total }, { title: 'Committed', value: `${view.budget.committed} (lines agreed and beyond)` },
      { title: 'Spent', value: `${view.budget.spent} (lines delivered)` }, { title: 'Left to commit', value: view.budget.left },
    ] : null,
    budgetLines: view.budget.lines.map((b) => ({ title: b.name, value: `${b.budget} · ${b.committed} committed · ${b.spent} spent` })),
    budgetRows: rows,
    budgetEtag: budget?.etag ?? '',
    lines: view.lines.map((l) => ({
      id: l.id,
      title: l.title,
      details: [
        `${l.statusLabel} · ${l.codeLabel} · ${l.formatLabel}`,
        `For ${l.audience}; ${l.provider}`,
        `Places: ${l.places} planned, ${l.offered} offered, ${l.booked} booked, ${l.attended} attended`,
        ...(l.evaluation ? [`What attendees said: ${l.evaluation}`] : []),
        `${l.estimated} estimated${l.actual ? `, ${l.actual} actual` : ''} · ${l.budgetLine}`,
      ],
    })),
    downloadUrl: tabLink(deps.config, 'org'),
    errors: form?.errors ?? [],
    note: form?.note ?? '',
  });
}

export const yearPlanFlow: CardFlow<'yearPlan'> = {
  kind: 'yearPlan',
  render: renderYear,
  actions: {
    'yearPlan.open': defineAction({
      schema: z.looseObject({ lineId: z.string().max(64) }),
      audience: LD,
      closesCard: false,
      async handle({ deps }, card, input) {
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const year = currentYear(deps, today).start;
        const line = await deps.commissioning.getLine(card.tenantId, year, input.lineId);
        if (!line) return { invalid: ['That line is no longer in the year\'s plan.'] };
        const opened = await issueCard(deps, commissionLineFlow, { tenantId: card.tenantId, recipientId: card.recipientId, ttlDays: 30, context: { year, lineId: line.lineId } });
        return { card: await renderYear(deps, card), followUps: [{ card: opened, summary: line.title }] };
      },
    }),
    'yearPlan.add': defineAction({
      schema: z.looseObject({}),
      audience: LD,
      closesCard: false,
      async handle({ deps }, card) {
        return { card: await renderYear(deps, card), followUps: [await newLineCard(deps, card.tenantId, card.recipientId, {})] };
      },
    }),
    'budget.save': defineAction({
      schema: budgetInput,
      audience: LD,
      closesCard: false,
      async handle({ deps }, card, input) {
        const rows = Array.from({ length: BUDGET_ROWS }, (_, i) => ({ name: input[`name_${i + 1}`] as string, pence: input[`pounds_${i + 1}`] as number | null }));
        const half = rows.filter((r) => (r.name === '') !== (r.pence === null));
        if (half.length > 0) return { invalid: ['Each budget line needs both a name and an amount; leave both empty to remove it.'] };
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const saved = await setBudget(deps, card.tenantId, card.recipientId, rows.filter((r) => r.name !== '').map((r) => ({ name: r.name, pence: r.pence! })), (input.etag) || null, today);
        if ('invalid' in saved) return saved;
        return { card: await renderYear(deps, card, { note: `Budget saved: ${formatPounds(saved.budget.lines.reduce((n, l) => n + l.pence, 0))} in all.` }) };
      },
    }),
  },
};

/** A new line's card, its form filled from what it was made from (a priority in the org plan). */
export async function newLineCard(deps: BotDeps, tenantId: string, recipientId: string, prefill: Partial<LineValues>) {
  const today = await todayFor(deps, tenantId, recipientId);
  const card = await issueCard(deps, commissionLineFlow, {
    tenantId, recipientId, ttlDays: 30, context: { year: currentYear(deps, today).start, lineId: null, prefill: Object.fromEntries(Object.entries(prefill).filter(([, v]) => typeof v === 'string')) },
  });
  return { card, summary: 'New commissioning line' };
}
