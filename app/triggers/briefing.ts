// A 7-minute briefing made from a learning trigger: the composer's values filled from it (its areas,
// the teams and professions it affects, what people should learn), so L&D add only when and where.
import { clip } from '../../core/text';
import type { OfferValues } from '../../core/offers';
import type { LearningTrigger } from '../../core/triggers';

export function briefingValuesFor(trigger: LearningTrigger): Partial<OfferValues> {
  return {
    title: clip(`7-minute briefing: ${trigger.summary}`, 100), description: trigger.summary, format: 'briefing',
    durationMinutes: '30', cpdHours: '0.5', capacity: '40',
    codes: trigger.codes.join(','), teams: trigger.teams.join(','), professions: trigger.professions.join(','),
  };
}
