// `my plan` and `view plan`: a Learning Development Plan as a card. Its owner changes where each
// need is, plans an activity or drops it with a reason; their line manager (or professional
// supervisor) can read it and comment, never edit. Nobody else sees it.
import { z } from 'zod';
import { planCard, type PlanNeedView } from '../../cards/plan';
import { ACTIVITY_TYPE_CODES } from '../../core/activities';
import { formatDate, type IsoDate } from '../../core/calendar';
import type { CpdRecord } from '../../core/cpd';
import { NEED_STATUS_LABELS, NEED_STATUSES, type NeedStatus } from '../../core/needs';
import { firstName, nameOf, type Person } from '../../core/people';
import { describePeriod, planPeriodOf } from '../../core/planPeriod';
import { cadencePerson } from '../../core/sessionPlanning';
import { type CardOf, updateCardContext } from '../../app/cards';
import { type StoredNeed } from '../../store/needs';
import type { BotDeps } from '../context';
import { choice, date, messagesOf, text, toggle, typed } from '../../app/fields';
import { defineAction, type CardFlow, type FormState } from './flow';
import { commentLines, currentPlan, groupByStatus, mostPressingFirst, needDetails, needHeading } from '../../views/plan';
import { COMMENTS_PER_NEED, lastOf, LOGGED_PER_NEED, NEEDS_ON_CARD, WHOLE_PLAN_OWN, wholePlanOf } from '../../views/planOnCard';
import { plural } from '../../core/words';
import { reportsOf } from '../../app/people/reports';
import { todayFor } from '../../app/people/today';
import type { LearningNeed } from '../../core/needs';
import { isGuid } from '../../core/validation';
import { clip } from '../../core/text';
import { largestThatFits } from '../../cards/fit';
import { changeNeed, commentOnNeed } from '../../app/plan/needs';
import { agreedAtSupervision, planAgreementOf } from '../../app/plans/planAgreed';
import { memberPriorityLines, prioritiesForMember } from '../../app/plans/teamPriorities';
import type { ActivityType } from '../../core/activities';

const NO_NEED = 'That button is missing which need it is for. Type my plan to start again.';
// Need ids are GUIDs; anything else would reach Table Storage as a key it refuses.
const needRef = z.object({ needId: z.string({ error: NO_NEED }).refine(isGuid, NO_NEED) }).loose();

/** Names and job titles run to 200 characters each; a manager with many reports needs the list short. */
const PICKER_LABEL = 80;


const updateSchema = (id: string) => z.object({
  [`status_${id}`]: choice('Where it is', NEED_STATUSES),
  [`planActivity_${id}`]: choice('Plan an activity', ACTIVITY_TYPE_CODES, { required: false }),
  [`planNote_${id}`]: text('What, with whom', { max: 300 }),
  [`planDate_${id}`]: date('When'),
  [`dropReason_${id}`]: text('Why you are dropping it', { max: 300 }),
  [`mentor_${id}`]: toggle(),
});

const commentSchema = (id: string) => z.object({ [`comment_${id}`]: text('Your comment', { max: 500, required: true, multiline: true }) });

function needView(need: LearningNeed, today: IsoDate, owner: string, logged: readonly CpdRecord[], mark: string | null): PlanNeedView {
  const records = lastOf([...logged].sort((a, b) => a.date.localeCompare(b.date)), LOGGED_PER_NEED);
  const comments = lastOf(commentLines(need), COMMENTS_PER_NEED);
  return {
    needId: need.needId,
    codes: needHeading(need),
    description: need.description,
    lines: [
      ...(mark ? [mark] : []),
      ...needDetails(need, today, owner),
      ...(records.left > 0 ? [`Logged: ${plural(records.left, 'earlier piece', 'earlier pieces')} of CPD, in the CPD record`] : []),
      ...records.shown.map((r) => `Logged: ${r.title} (${formatDate(r.date)})`),
    ],
    earlierComments: comments.left > 0 ? `${plural(comments.left, 'earlier comment', 'earlier comments')} on the Plans tab.` : '',
    comments: comments.shown,
    status: need.status,
    planActivity: need.plan?.activityType ?? '',
    planNote: need.plan?.note ?? '',
    planDate: need.plan?.date ?? '',
    dropReason: need.dropReason ?? '',
    comment: '',
  };
}

/** What someone typed into one need's inputs, put back so nothing is lost when a save is refused. */
function withTyped(view: PlanNeedView, values: Record<string, unknown> | undefined): PlanNeedView {
  const v = (key: string, max: number) => typed(values, `${key}_${view.needId}`, max);
  if (values && `comment_${view.needId}` in values) return { ...view, comment: v('comment', 2000) };
  if (!values || !(`status_${view.needId}` in values)) return view;
  return { ...view, status: v('status', 20), planActivity: v('planActivity', 40), planNote: v('planNote', 2000), planDate: v('planDate', 10), dropReason: v('dropReason', 2000) };
}

/** "Dana Hughes" or "Dana Hughes and Sam Okafor": who besides the person can see their plan. */
async function planReaders(deps: BotDeps, person: Person): Promise<string> {
  const ids = [...new Set([person.managerId, person.supervisorId].filter((id): id is string => !!id))];
  const names = (await Promise.all(ids.map((id) => deps.people.get(person.tenantId, id)))).filter((p) => !!p && p.status !== 'left').map((p) => nameOf(p!));
  return names.length === 0 ? 'your line manager' : names.join(' and ');
}

/**
 * The plan's card content for its current plan year, as its owner or their manager sees it: the
 * most pressing needs, still grouped by status, and how many of each group the card leaves out.
 */
async function planContent(deps: BotDeps, person: Person, viewerId: string, values: Record<string, unknown> | undefined) {
  const [needs, records, today] = await Promise.all([
    deps.needs.listFor(person.tenantId, person.aadObjectId), deps.cpd.listFor(person.tenantId, person.aadObjectId), todayFor(deps, person.tenantId, viewerId),
  ]);
  const period = planPeriodOf(deps.policy, cadencePerson(person), today);
  const current = currentPlan(needs, period);
  // Named at an appraisal for the plan year it opens: shown now, so nothing named disappears until then.
  const next = needs.filter((n) => n.period > period.start);
  const earlier = needs.filter((n) => !current.includes(n) && !next.includes(n));
  const count = (status: NeedStatus) => earlier.filter((n) => n.status === status).length;
  const owner = viewerId === person.aadObjectId ? 'you' : firstName(person);
  const own = viewerId === person.aadObjectId;
  const [agreement, agreed, team] = await Promise.all([
    planAgreementOf(deps, person, [period.start, ...new Set(next.map((n) => n.period))], viewerId),
    own ? agreedAtSupervision(deps, person, today) : null,
    own ? prioritiesForMember(deps, person, today) : null,
  ]);
  const view = (n: LearningNeed) => withTyped(needView(n, today, owner, records.filter((r) => r.needIds.includes(n.needId)), agreement.mark(n)), values);
  const pressing = mostPressingFirst([...current, ...next]);
  /** The plan with its `limit` most pressing needs on the card. */
  return (limit: number) => {
    const onCard = new Set(pressing.slice(0, limit));
    const group = (heading: string, all: readonly StoredNeed[]) => {
      const shown = all.filter((n) => onCard.has(n));
      const left = all.length - shown.length;
      return { heading: `${heading} (${all.length})`, needs: shown.map(view), more: left > 0 ? `${left}${shown.length > 0 ? ' more' : ''} not shown here: see the Plans tab.` : '' };
    };
    return {
      period: describePeriod(period),
      groups: [
        ...groupByStatus(current).map((g) => group(g.heading, g.needs)),
        ...(next.length > 0 ? [group('For your next plan year', next)] : []),
      ],
      shown: onCard.size,
      total: pressing.length,
      earlier: earlier.length > 0 ? `Earlier plan years: ${count('met')} met, ${count('dropped')} dropped.` : '',
      agreement: agreement.line,
      agreed,
      teamPriorities: team && memberPriorityLines(team),
    };
  };
}

/** What the card says when it leaves needs out, or '' when it shows them all. */
function excerptLine(shown: number, total: number, whose: string, where: string): string {
  return shown < total ? `Showing the ${shown} most pressing of ${whose} ${total} needs: open ones due soonest first. All of them are on ${where}.` : '';
}

async function renderOwn(deps: BotDeps, card: CardOf<'plan'>, form?: FormState) {
  const person = await deps.people.get(card.tenantId, card.recipientId);
  if (!person) throw new Error('plan card rendered for someone not in the directory');
  const [readers, contentWith] = await Promise.all([planReaders(deps, person), planContent(deps, person, card.recipientId, form?.values)]);
  return largestThatFits(NEEDS_ON_CARD, (limit) => {
    const content = contentWith(limit);
    return planCard({
      cardId: card.cardId,
      title: 'Your Learning Development Plan',
      subtitle: `Plan year ${content.period}. Only you and ${readers} can see it.`,
      note: form?.note ?? null,
      errors: form?.errors ?? [],
      groups: content.groups,
      excerpt: excerptLine(content.shown, content.total, 'your', `${WHOLE_PLAN_OWN}; type export cpd for a copy to keep`),
      mode: 'own',
      picker: null,
      footer: [content.earlier, 'Needs also arrive from your supervision and appraisal preparation. At appraisal the plan is reviewed and what continues is carried into the next year.'].filter(Boolean).join(' '),
      buttons: [{ title: 'Add a need', command: 'add need' }, { title: 'Log CPD', command: 'log cpd' }],
      agreement: content.agreement,
      agreed: content.agreed,
      teamPriorities: content.teamPriorities,
    });
  });
}

const statusLabel = (s: NeedStatus) => NEED_STATUS_LABELS[s].toLowerCase();

export const planFlow: CardFlow<'plan'> = {
  kind: 'plan',
  render: renderOwn,
  actions: {
    'plan.update': defineAction({
      schema: needRef,
      closesCard: false,
      async handle({ deps }, card, input) {
        // Looked up among the card owner's needs only: a needId from anyone else's plan finds nothing.
        const need = await deps.needs.get(card.tenantId, card.recipientId, input.needId);
        if (!need) return { invalid: ['That need is no longer in your plan.'] };
        const id = need.needId;
        const parsed = updateSchema(id).safeParse(input);
        if (!parsed.success) return { invalid: messagesOf(parsed.error) };
        const f = parsed.data as Record<string, string>;
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const changed = await changeNeed(deps, need, {
          status: f[`status_${id}`] as NeedStatus, activity: f[`planActivity_${id}`] as ActivityType | '', note: f[`planNote_${id}`]!, when: f[`planDate_${id}`]!,
          dropReason: f[`dropReason_${id}`]!, wantsMentor: (parsed.data as Record<string, unknown>)[`mentor_${id}`] === true,
        }, today);
        if ('invalid' in changed) return changed;
        const { status } = changed;
        const mentor = changed.mentor ? " You're in the pool for a mentor: matching runs on Mondays." : '';
        return { card: await renderOwn(deps, card, { note: `Saved: "${clip(need.description, 60)}" is ${statusLabel(status)}.${mentor}` }) };
      },
    }),
  },
};

async function renderForManager(deps: BotDeps, card: CardOf<'reportPlan'>, form?: FormState) {
  const reports = await reportsOf(deps, card.tenantId, card.recipientId);
  const selectedId = card.context.personId;
  const person = reports.find((p) => p.aadObjectId === selectedId);
  const contentWith = person ? await planContent(deps, person, card.recipientId, form?.values) : undefined;
  return largestThatFits(NEEDS_ON_CARD, (limit) => {
    const content = contentWith?.(limit);
    return planCard({
      cardId: card.cardId,
      title: person ? `${nameOf(person)}'s Learning Development Plan` : "Your reports' plans",
      subtitle: person && content
        ? `Plan year ${content.period}. Only ${firstName(person)} and the people who manage or supervise them can see it. You can comment; only ${firstName(person)} can change it.`
        : 'Choose whose plan to see. You see the plans of people who report to you or whom you supervise.',
      note: form?.note ?? null,
      errors: form?.errors ?? [],
      groups: content?.groups ?? [],
      excerpt: person && content ? excerptLine(content.shown, content.total, `${firstName(person)}'s`, wholePlanOf(nameOf(person))) : '',
      mode: 'manager',
      picker: { reports: reports.map((p) => ({ id: p.aadObjectId, label: clip(`${nameOf(p)}, ${p.jobTitle}`, PICKER_LABEL) })), selected: person?.aadObjectId ?? '' },
      footer: content?.earlier ?? '',
      buttons: [],
      agreement: content?.agreement ?? '',
    });
  });
}

/** The report the card is about, if they still report to whoever holds the card. */
async function stillAReport(deps: BotDeps, card: CardOf<'reportPlan'>, personId: string): Promise<Person | undefined> {
  return (await reportsOf(deps, card.tenantId, card.recipientId)).find((p) => p.aadObjectId === personId);
}

export const reportPlanFlow: CardFlow<'reportPlan'> = {
  kind: 'reportPlan',
  render: renderForManager,
  actions: {
    'reportPlan.show': defineAction({
      schema: z.object({ personId: text('Whose plan', { max: 100, required: true }) }),
      closesCard: false,
      async handle({ deps }, card, input) {
        if (!(await stillAReport(deps, card, input.personId))) return { invalid: ['Choose someone from the list: you can see the plans of people who report to you.'] };
        const saved = await updateCardContext(deps.cards, card, { ...card.context, personId: input.personId });
        return { card: await renderForManager(deps, saved) };
      },
    }),
    'reportPlan.comment': defineAction({
      schema: needRef,
      closesCard: false,
      async handle({ deps, turn }, card, input) {
        const personId = card.context.personId;
        const person = await stillAReport(deps, card, personId);
        if (!person) return { invalid: ["This person no longer reports to you, so you can't comment on their plan."] };
        const need = await deps.needs.get(card.tenantId, person.aadObjectId, input.needId);
        if (!need) return { invalid: ['That need is no longer in their plan.'] };
        const parsed = commentSchema(need.needId).safeParse(input);
        if (!parsed.success) return { invalid: messagesOf(parsed.error) };
        const comment = (parsed.data as Record<string, string>)[`comment_${need.needId}`]!;
        const manager = await deps.people.get(card.tenantId, card.recipientId);
        const commented = await commentOnNeed(deps, need, { id: card.recipientId, name: manager ? nameOf(manager) : turn.user.name }, comment);
        if ('invalid' in commented) return commented;
        return { card: await renderForManager(deps, card, { note: `Comment added. ${firstName(person)} will see it in their plan.` }) };
      },
    }),
  },
};
