import { helpCard } from '../../cards/help';
import { firstName } from '../../core/people';
import type { Asking } from '../context';
import { mayRun, type Audience, type CommandDef } from './command';

const SECTION_FOR: Record<Audience, string> = {
  anyone: 'Getting started',
  staff: 'Your development',
  practitioner: 'Your development',
  manager: 'For line managers',
  leads: 'For line managers and L&D admins',
  ld_admin: 'For L&D admins',
};

export function helpCommand(allCommands: () => readonly CommandDef[]): CommandDef {
  return {
    name: 'help',
    aliases: ['hi', 'hello', 'menu', '?'],
    summary: 'See what Weave can do for you.',
    audience: 'anyone',
    scopes: ['personal', 'team'],
    run({ person, turn }: Asking) {
      const inChannel = turn.conversation.conversationKind !== 'personal';
      const usable = allCommands().filter((c) => mayRun(c, person) && c.scopes.includes(inChannel ? 'team' : 'personal'));
      const sections = [...new Set(usable.map((c) => c.audience))].map((audience) => ({
        heading: SECTION_FOR[audience],
        commands: usable.filter((c) => c.audience === audience).map((c) => ({ name: c.name, summary: c.summary })),
      }));
      const intro = inChannel
        ? 'In a channel Weave only shares team-level summaries. For your own plan and profile, chat with Weave 1:1.'
        : !person
          ? "You're not in Weave's staff directory yet. Type **profile** to introduce yourself — it takes a minute."
          : person.status === 'left'
            ? "HR's roster says you have left, so most of Weave is closed to you. If that's wrong, please contact HR."
            : 'Type any of these in this chat.';
      return Promise.resolve([{
        card: helpCard({
          title: person && !inChannel ? `What you can do, ${firstName(person)}` : 'What Weave can do',
          intro,
          sections,
          footer: 'Weave keeps your development record private: only you and your line manager see your details.',
          buttons: inChannel ? [] : [{ title: person ? 'My profile' : 'Introduce myself', command: 'profile' }],
        }),
        summary: 'What Weave can do',
      }]);
    },
  };
}
