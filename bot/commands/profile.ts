import type { Asking } from '../context';
import { issueCard } from '../flows/flow';
import { issueOnboardingCard } from '../flows/onboarding';
import { profileFlow } from '../flows/profile';
import type { CommandDef } from './command';
import { qualificationsFlow } from '../flows/qualifications';
import { pathwayFlow } from '../flows/pathway';

export const myPathwayCommand: CommandDef = {
  name: 'my pathway',
  aliases: ['pathway', 'career', 'my career'],
  summary: "Say where you'd like to go in your career (or not now); see the next step, what it needs, and add its learning to your plan.",
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const card = await issueCard(deps, pathwayFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30 });
    return [{ card, summary: 'Your career pathway' }];
  },
};

export const qualificationsCommand: CommandDef = {
  name: 'qualifications',
  aliases: ['my qualifications', 'add qualification'],
  summary: 'See your qualifications (RQF level, title, date) and add one for your line manager to confirm.',
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const card = await issueCard(deps, qualificationsFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30 });
    return [{ card, summary: 'Your qualifications' }];
  },
};

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
