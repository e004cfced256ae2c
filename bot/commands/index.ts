// Every chat command, in the order help lists them.
import type { CommandDef } from './command';
import { helpCommand } from './help';
import { profileCommand } from './profile';
import { supervisionCommand } from './supervision';
import { teamStatusCommand } from './teamStatus';

export const COMMANDS: readonly CommandDef[] = [helpCommand(() => COMMANDS), profileCommand, supervisionCommand, teamStatusCommand];
