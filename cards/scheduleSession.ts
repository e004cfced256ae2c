import template from './templates/scheduleSession.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { REPEATS } from '../core/sessions';
import { banner, formBanner } from './fragments';
import { expand } from './render';

export interface ScheduleSessionData {
  cardId: string;
  people: { id: string; name: string }[];
  values: { personId: string; kind: string; date: string; time: string; repeat: string };
  today: string;
  errors: readonly string[];
  savedNote: string;
}

export function scheduleSessionCard(d: ScheduleSessionData): AdaptiveCardJson {
  return expand(template, {
    cardId: d.cardId,
    errors: formBanner(d.errors, banner('good', d.savedNote)),
    people: d.people,
    values: d.values,
    today: d.today,
    repeats: Object.entries(REPEATS).map(([code, label]) => ({ code, label })),
  });
}
