// Someone not on HR's roster opens Weave: they describe their role, and their manager confirms.
import { noticeCard } from '../../cards/notice';
import { onboardingCard } from '../../cards/onboarding';
import { firstName, type Person } from '../../core/people';
import type { OutboundMessage } from '../../core/conversation';
import type { BotDeps, Turn } from '../context';
import { aboutYouSchema, aboutYouValuesFrom, knownTeams } from './aboutYou';
import { askManagerToConfirm, findLineManager, introduceSelf } from '../../app/people/joiners';
import { defineAction, issueCard, type CardFlow, type FormState } from './flow';
import type { CardOf } from '../../app/cards';

async function render(deps: BotDeps, card: CardOf<'onboarding'>, form?: FormState) {
  return onboardingCard({
    cardId: card.cardId,
    firstName: card.context.firstName || 'there',
    values: aboutYouValuesFrom(form?.values),
    teams: await knownTeams(deps, card.tenantId),
    errors: form?.errors ?? [],
  });
}

function introducedCard(person: Person, managerName: string) {
  return noticeCard({
    title: `Thanks, ${firstName(person)} — you're set up`,
    tone: 'good',
    lines: [
      `I've asked ${managerName} to confirm you're in their team. You can use Weave straight away.`,
      'Type **help** to see what you can do, or **profile** to check your details.',
    ],
  });
}

export const onboardingFlow: CardFlow<'onboarding'> = {
  kind: 'onboarding',
  render,
  actions: {
    'onboarding.submit': defineAction({
      schema: aboutYouSchema,
      closesCard: true,
      async handle({ deps, turn, person }, card, input) {
        if (person?.source === 'self' && person.status === 'pending' && person.managerId) {
          // Saved before, but asking the manager failed and the card was reopened: finish the job.
          await askManagerToConfirm(deps, person, person.managerId, 'introduced');
          return { card: introducedCard(person, (await deps.people.get(person.tenantId, person.managerId))?.displayName ?? 'your line manager') };
        }
        if (person) {
          return { card: noticeCard({ title: "You're already set up", lines: ['Type **profile** to see or change your details.'] }) };
        }
        const manager = await findLineManager(deps, turn.tenantId, turn.user.aadObjectId, input.managerEmail);
        if ('invalid' in manager) return manager;

        const newcomer = await introduceSelf(deps, { tenantId: turn.tenantId, aadObjectId: turn.user.aadObjectId, email: (await turn.memberEmail())?.toLowerCase() ?? '', name: turn.user.name }, {
          jobTitle: input.jobTitle, profession: input.profession as Person['profession'], team: input.team, careerStage: input.careerStage as Person['careerStage'],
          registrationBody: (input.registrationBody || 'none'), registrationNumber: input.registrationNumber,
        }, manager);
        if (!newcomer) return { card: noticeCard({ title: "You're already set up", lines: ['Type **profile** to see or change your details.'] }) };
        return { card: introducedCard(newcomer, manager.displayName) };
      },
    }),
  },
};

/** A fresh onboarding card for someone Weave does not know yet. */
export async function issueOnboardingCard(deps: BotDeps, turn: Turn): Promise<OutboundMessage> {
  const card = await issueCard(deps, onboardingFlow, {
    tenantId: turn.tenantId,
    recipientId: turn.user.aadObjectId,
    context: { firstName: firstName({ displayName: turn.user.name, preferredName: null }) },
  });
  return { card, summary: 'Introduce yourself to Weave' };
}
