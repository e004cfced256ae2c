// A chat command: its words, who may use it, where, and what it does. `help`, the Teams manifest's
// command list and the authorisation checks all read these definitions.
import { hasRole, type Person } from '../../core/people';
import type { Role } from '../../core/workforce';
import type { Asking, Replies } from '../context';

/**
 * - `anyone`: including people Weave does not know yet.
 * - `staff`: anyone in the staff directory who has not left (rostered or self-introduced).
 * - a role: staff holding that role.
 * - `leads`: line managers and L&D admins (what a manager does for their team, L&D for everyone).
 */
export type Audience = 'anyone' | 'staff' | 'leads' | Role;
export type CommandScope = 'personal' | 'team';

export interface CommandDef {
  /** What people type, lower case; may be more than one word ("add need"). */
  name: string;
  aliases?: readonly string[];
  /** One line for help and the Teams command menu (at most 128 characters). */
  summary: string;
  audience: Audience;
  scopes: readonly CommandScope[];
  run(asking: Asking, args: string): Promise<Replies>;
}

export function mayRun(command: Pick<CommandDef, 'audience'>, person: Pick<Person, 'roles' | 'status'> | undefined): boolean {
  if (command.audience === 'anyone') return true;
  if (!person || person.status === 'left') return false;
  if (command.audience === 'leads') return hasRole(person, 'manager') || hasRole(person, 'ld_admin');
  return command.audience === 'staff' || hasRole(person, command.audience);
}

/** Text as people type it in Teams: mentions of the bot removed, spacing and case ignored. */
export function normaliseCommandText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim()
    .replace(/^\/+/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export function matchCommand(text: string, commands: readonly CommandDef[]): { command: CommandDef; args: string } | undefined {
  const normalised = normaliseCommandText(text);
  const said = normalised.replace(/[.!?]+$/, '') || normalised; // "help?" is help; a lone "?" stays "?"
  let best: { command: CommandDef; args: string; length: number } | undefined;
  for (const command of commands) {
    for (const word of [command.name, ...(command.aliases ?? [])]) {
      if ((said === word || said.startsWith(`${word} `)) && (!best || word.length > best.length)) {
        best = { command, args: said.slice(word.length).trim(), length: word.length };
      }
    }
  }
  return best && { command: best.command, args: best.args };
}
