// A person's own profile: HR's record read-only, their settings editable. Someone not on the
// roster yet can also correct how they described their role.
import { z } from 'zod';
import { profileCard, type ProfileSettingsField } from '../../cards/profile';
import { firstName, nameOf, type Person } from '../../core/people';
import { type CardOf, updateCardContext } from '../../app/cards';
import type { BotDeps } from '../context';
import { aboutYouSchema, aboutYouValuesFrom, knownTeams } from './aboutYou';
import { saveOwnProfile } from '../../app/people/profile';
import { date, email, messagesOf, text, typed, weekdays } from '../../app/fields';
import { defineAction, type CardFlow, type FormState } from './flow';
import { personFacts } from './personFacts';

export const PROFILE_CHANGED = 'Your profile changed since this card was shown (saved elsewhere, or updated from HR). Check these details and save again.';

const settingsSchema = z.object({
  preferredName: text('Preferred name', { max: 100, noLinks: true }),
  supervisorEmail: email("Professional supervisor's email"),
  workingDays: weekdays('Days you work'),
  revalidationDate: date('NMC revalidation date'),
} satisfies Record<ProfileSettingsField, z.ZodType>);

function statusLine(person: Person, managerName: string | undefined): string {
  if (person.status === 'pending') {
    return person.managerId
      ? `Waiting for ${managerName ?? 'your line manager'} to confirm you're in their team.`
      : 'Please name your line manager below.';
  }
  if (person.status === 'left') return 'HR has recorded that you have left.';
  return "On HR's staff roster.";
}

async function render(deps: BotDeps, card: CardOf<'profile'>, form?: FormState) {
  const person = await deps.people.get(card.tenantId, card.recipientId);
  if (!person) throw new Error('profile card rendered for someone not in the directory');
  const [manager, supervisor] = await Promise.all([
    person.managerId ? deps.people.get(person.tenantId, person.managerId) : undefined,
    person.supervisorId ? deps.people.get(person.tenantId, person.supervisorId) : undefined,
  ]);
  const self = person.source === 'self';
  const values = form?.values;
  return profileCard({
    cardId: card.cardId,
    name: `Your profile, ${firstName(person)}`,
    status: statusLine(person, manager && nameOf(manager)),
    facts: self ? [] : await personFacts(deps, person),
    aboutYou: self
      ? { values: aboutYouValuesFrom(values, person, manager?.email ?? ''), teams: await knownTeams(deps, person.tenantId) }
      : null,
    settings: {
      preferredName: values ? typed(values, 'preferredName', 100) : person.preferredName ?? '',
      supervisorEmail: values ? typed(values, 'supervisorEmail', 254) : supervisor?.email ?? '',
      workingDays: values ? typed(values, 'workingDays', 20) : person.workingDays.join(','),
      revalidationDate: values ? typed(values, 'revalidationDate', 10) : person.revalidationDate ?? '',
    },
    nmc: person.registrationBody === 'nmc',
    errors: form?.errors ?? [],
    savedNote: form?.note ?? '',
  });
}

export const profileFlow: CardFlow<'profile'> = {
  kind: 'profile',
  render,
  actions: {
    'profile.save': defineAction({
      schema: settingsSchema.loose(),
      closesCard: false,
      async handle({ deps, turn }, card, input) {
        const person = await deps.people.get(turn.tenantId, turn.user.aadObjectId);
        if (!person) return { invalid: ['Weave no longer has a record for you. Type help to start again.'] };
        if (person.etag !== card.context.etag) {
          // Saved from another card, or HR's roster changed it, since this card was shown.
          await updateCardContext(deps.cards, card, { ...card.context, etag: person.etag });
          return { invalid: [PROFILE_CHANGED] };
        }

        let about: Parameters<typeof saveOwnProfile>[3] = null;
        if (person.source === 'self') {
          const parsed = aboutYouSchema.safeParse(input);
          if (!parsed.success) return { invalid: messagesOf(parsed.error) };
          about = { ...parsed.data, registrationBody: parsed.data.registrationBody || 'none' } as NonNullable<typeof about>;
        }
        const outcome = await saveOwnProfile(deps, person, input, about);
        if ('invalid' in outcome) return outcome;
        const { version } = outcome;
        const saved = await updateCardContext(deps.cards, card, { ...card.context, etag: version });
        return { card: await render(deps, saved, { note: 'Saved.' }) };
      },
    }),
  },
};
