// `find mentor`: ask for a mentor, coach or shadowing host for some of the needs in your plan.
// The request waits in the pool for the next matching run; it can be changed or withdrawn until then.
import { z } from 'zod';
import { mentorRequestCard, type MentorRequestValues } from '../../cards/mentoring';
import { MENTORING_KIND_CODES, MENTORING_KINDS, SLOTS, type MentorRequest, type MentoringKind } from '../../core/mentoring';
import { isOpen, type LearningNeed } from '../../core/needs';
import { PROFESSION_CODES } from '../../core/workforce';
import type { CardOf } from '../../app/cards';
import type { Stored } from '../../store/mentoring';
import { needHeading } from '../../views/plan';
import type { BotDeps } from '../context';
import { choice, choices, picked, typed } from '../../app/fields';
import { defineAction, type CardFlow, type FormState } from './flow';
import { saveMentorRequest, withdrawMentorRequest } from '../../app/mentoring/requests';
import type { MentorRequestField } from '../../cards/mentoring';

const schema = (localities: readonly string[]) => z.object({
  needIds: picked('Which needs in your plan', { min: 1, max: 20 }),
  kind: choice('What would help', MENTORING_KIND_CODES),
  preferProfession: choice('A profession to learn from', PROFESSION_CODES, { required: false }),
  locality: choice('Near where you are based', localities as [string, ...string[]], { required: false }),
  availability: choices('When you could meet', SLOTS),
} satisfies Record<MentorRequestField, z.ZodType>);

const requestIdOf = (card: CardOf<'mentorRequest'>) => card.context.requestId;

async function load(deps: BotDeps, card: CardOf<'mentorRequest'>): Promise<{ needs: LearningNeed[]; request: Stored<MentorRequest> | undefined }> {
  const [needs, request] = await Promise.all([
    deps.needs.listFor(card.tenantId, card.recipientId),
    deps.mentoring.getRequest(card.tenantId, card.recipientId, requestIdOf(card)),
  ]);
  return { needs: needs.filter(isOpen), request };
}

const STATUS_NOTE: Record<MentorRequest['status'], string> = {
  waiting: 'Waiting for the next matching run (Mondays).',
  proposed: 'Weave has proposed someone: answer the proposal card in this chat.',
  matched: "You've been matched. Type my mentoring to see who with.",
  withdrawn: 'Withdrawn.',
};

async function render(deps: BotDeps, card: CardOf<'mentorRequest'>, form?: FormState) {
  const { needs, request } = await load(deps, card);
  const v = form?.values;
  const values: MentorRequestValues = v
    ? { needIds: typed(v, 'needIds', 2000), kind: typed(v, 'kind', 20), preferProfession: typed(v, 'preferProfession', 40), locality: typed(v, 'locality', 40), availability: typed(v, 'availability', 200) }
    : {
        needIds: request?.needIds.join(',') ?? (card.context.needId ?? ''), kind: request?.kind ?? 'mentoring',
        preferProfession: request?.preferProfession ?? '', locality: request?.locality ?? '', availability: request?.availability.join(',') ?? '',
      };
  const status = request ? `${STATUS_NOTE[request.status]}${request.status === 'waiting' && request.notYet ? ` Last run: ${request.notYet}` : ''}` : '';
  return mentorRequestCard({
    cardId: card.cardId, values, needs: needs.map((n) => ({ id: n.needId, label: `${needHeading(n)}: ${n.description}` })),
    localities: deps.mentoringPolicy.localities, existing: !!request && request.status === 'waiting', errors: form?.errors ?? [], note: form?.note ?? status,
  });
}

export const mentorRequestFlow: CardFlow<'mentorRequest'> = {
  kind: 'mentorRequest',
  render,
  actions: {
    'request.save': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card, raw) {
        const parsed = schema(deps.mentoringPolicy.localities).safeParse(raw);
        if (!parsed.success) return { invalid: [...new Set(parsed.error.issues.map((i) => i.message))] };
        const input = { ...parsed.data, kind: parsed.data.kind as MentoringKind };
        const { needs, request } = await load(deps, card);
        if (request && request.status !== 'waiting') return { invalid: [`This request can't be changed now. ${STATUS_NOTE[request.status]}`] };
        const saved = await saveMentorRequest(deps, { tenantId: card.tenantId, personId: card.recipientId, requestId: requestIdOf(card) }, input, needs, request);
        if ('invalid' in saved) return saved;
        return { card: await render(deps, card, { note: `Saved: you're in the pool for ${MENTORING_KINDS[input.kind].toLowerCase()}. Matching runs every Monday; Weave will send you a proposal when it finds someone.` }) };
      },
    }),
    'request.withdraw': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        const withdrawn = await withdrawMentorRequest(deps, (await load(deps, card)).request);
        if ('invalid' in withdrawn) return withdrawn;
        return { card: await render(deps, card, { note: 'Withdrawn. Type find mentor any time to ask again.' }) };
      },
    }),
  },
};
