// Weave's conversation, free of any bot SDK: each entry point takes a Turn and answers with
// messages (or, for card actions, what the card becomes). bot/teams/ adapts Bot Framework to this.
import { ROLES } from '../core/workforce';
import type { Channel } from '../store/teamsInstalled';
import { matchCommand, mayRun } from './commands/command';
import { COMMANDS } from './commands';
import type { Asking, BotDeps, Replies, Turn } from './context';
import { dispatchCardAction } from './flows/dispatch';
import { onPersonalInstall, onTeamInstall, type PersonalArrival } from './installation';
import { personalUninstalled, recordConversation, teamChannelsChanged, teamRemoved } from '../app/installation';
import { ourTenantOnly, runSteps, type TurnAnswer, type TurnEvent, type TurnStep } from './turnPipeline';
import { forOneTurn } from './turnReads';
import { releaseInstallWaits } from '../app/messaging/installWait';

export { FOREIGN_TENANT } from './turnPipeline';

export class WeaveBot {
  private readonly steps: readonly TurnStep[];

  constructor(readonly deps: BotDeps) {
    this.steps = [ourTenantOnly(deps.config.tenantId, deps.log)];
  }

  /** For the adapter's own replies (a stale card, say), which only the organisation's people get. */
  isOurTenant(turn: Turn): boolean {
    return turn.tenantId === this.deps.config.tenantId;
  }

  /** Every entry point: the turn's steps, then the event's handler. */
  handle<E extends TurnEvent>(turn: Turn, event: E): Promise<TurnAnswer<E>> {
    return runSteps(this.steps, turn, event, () => this.route(turn, event)) as Promise<TurnAnswer<E>>;
  }

  onMessage(turn: Turn, text: string) {
    return this.handle(turn, { kind: 'message', text });
  }

  onCardAction(turn: Turn, verb: string, data: Record<string, unknown>) {
    return this.handle(turn, { kind: 'cardAction', verb, data });
  }

  onPersonalInstall(turn: Turn, arrival: PersonalArrival) {
    return this.handle(turn, { kind: 'personalInstall', arrival });
  }

  onPersonalUninstall(turn: Turn) {
    return this.handle(turn, { kind: 'personalUninstall' });
  }

  onTeamInstall(turn: Turn, channels: Channel[]) {
    return this.handle(turn, { kind: 'teamInstall', channels });
  }

  onTeamChannelsChanged(turn: Turn, channels: Channel[]) {
    return this.handle(turn, { kind: 'teamChannelsChanged', channels });
  }

  onTeamRemoved(turn: Turn) {
    return this.handle(turn, { kind: 'teamRemoved' });
  }

  private async route(turn: Turn, event: TurnEvent): Promise<unknown> {
    switch (event.kind) {
      case 'message': return this.message(await this.ask(turn), event.text);
      case 'cardAction': return dispatchCardAction(await this.ask(turn), event.verb, event.data);
      case 'personalInstall': {
        const { isNew, conversation } = await recordConversation(this.deps, sightingOf(turn));
        // Installed for them by Weave (or by them): what was waiting for their chat goes now.
        if (isNew) await releaseInstallWaits(this.deps, turn.tenantId, turn.user.aadObjectId);
        const person = await this.deps.people.get(turn.tenantId, turn.user.aadObjectId);
        return onPersonalInstall({ deps: this.deps, turn, person }, { isNew, installedAt: conversation.installedAt }, event.arrival);
      }
      case 'personalUninstall': return personalUninstalled(this.deps, turn.tenantId, turn.user.aadObjectId);
      case 'teamInstall': return onTeamInstall(this.deps, turn, event.channels);
      case 'teamChannelsChanged': return turn.team ? teamChannelsChanged(this.deps, turn.tenantId, turn.team, event.channels) : undefined;
      case 'teamRemoved': return turn.team ? teamRemoved(this.deps, turn.tenantId, turn.team.id) : undefined;
    }
  }

  private async message(asking: Asking, text: string): Promise<Replies> {
    const { turn, person } = asking;
    const matched = matchCommand(text, COMMANDS);
    const inChannel = turn.conversation.conversationKind !== 'personal';
    if (!matched) {
      const said = text.trim() ? "I didn't catch that." : 'Hello!';
      return [{ text: `${said} Type **help** to see what Weave can do for you.` }];
    }
    const { command, args } = matched;
    if (!command.scopes.includes(inChannel ? 'team' : 'personal')) {
      return [{ text: `**${command.name}** is personal, so it only works in your 1:1 chat with Weave.` }];
    }
    if (!mayRun(command, person)) {
      this.deps.log.info('command.refused', { command: command.name, known: !!person });
      return [{ text: person
        ? `**${command.name}** is only for ${command.audience === 'staff' || command.audience === 'anyone' ? 'staff' : command.audience === 'leads' ? 'line managers and L&D admins' : `people with the ${ROLES[command.audience]} role`}. Type **help** to see what you can do.`
        : `Weave doesn't know you yet. Type **profile** to introduce yourself, then **${command.name}** will work.` }];
    }
    this.deps.log.info('command', { command: command.name });
    return command.run(asking, args);
  }

  /** Who is asking; a personal turn also refreshes how to reach them later. */
  private async ask(turn: Turn): Promise<Asking> {
    const deps = forOneTurn(this.deps);
    const [person] = await Promise.all([
      deps.people.get(turn.tenantId, turn.user.aadObjectId),
      turn.conversation.conversationKind === 'personal' ? recordConversation(deps, sightingOf(turn)) : undefined,
    ]);
    return { deps, turn, person };
  }
}

const sightingOf = (turn: Turn) => ({ tenantId: turn.tenantId, aadObjectId: turn.user.aadObjectId, ref: turn.conversation, timeZone: turn.timeZone, locale: turn.locale });
