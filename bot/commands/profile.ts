import type { Asking } from '../context';
import { issueCard } from '../flows/flow';
import { issueOnboardingCard } from '../flows/onboarding';
import { profileFlow } from '../flows/profile';
import type { CommandDef } from './command';

export const profileCommand: CommandDef = {
  name: 'profile',
  aliases: ['my profile', 'me', 'introduce myself'],
  summary: 'See your details from HR and change your settings (preferred name, supervisor, working days).',
  audience: 'anyone',
  scopes: ['personal'],
  async run({ deps, turn, person }: Asking) {
    if (!person) return [await issueOnboardingCard(deps, turn)];
    if (person.status === 'left') {
      return [{ text: "HR's roster says you have left, so your profile is closed. If that's wrong, please contact HR." }];
    }
    // The card remembers the version of the record it shows, so saving an old card cannot overwrite newer changes.
    const card = await issueCard(deps, profileFlow, { tenantId: turn.tenantId, recipientId: person.aadObjectId, context: { etag: person.etag } });
    return [{ card, summary: 'Your Weave profile' }];
  },
};
