import template from './templates/onboarding.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { aboutYouInputs, formBanner, type AboutYouValues } from './fragments';
import { expand } from './render';

export interface OnboardingCardData {
  cardId: string;
  firstName: string;
  values: AboutYouValues;
  teams: readonly string[];
  errors: readonly string[];
}

export function onboardingCard(data: OnboardingCardData): AdaptiveCardJson {
  return expand(template, {
    cardId: data.cardId,
    title: `Welcome to Weave, ${data.firstName}`,
    intro: "You're not in the staff directory Weave gets from HR yet. Tell me about your role so Weave can work for you straight away — your line manager will be asked to confirm it.",
    errors: formBanner(data.errors),
    aboutYou: aboutYouInputs(data.values, data.teams),
    privacy: 'Only you, your line manager and L&D admins can see these details.',
    submitLabel: 'Save my details',
  });
}
