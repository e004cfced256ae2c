// Weave's conversation, free of any bot SDK: each entry point takes a Turn and answers with
// messages (or, for card actions, what the card becomes). bot/teams/ adapts Bot Framework to this.
import { ROLES } from '../core/workforce';
import type { Channel } from '../store/teamsInstalled';
import { matchCommand, mayRun } from './commands/command';
import { COMMANDS } from './commands';
import type { Asking, BotDeps, Replies, Turn } from './context';
import { dispatchCardAction, type InvokeOutcome } from './flows/dispatch';
import { onPersonalInstall, onTeamChannelsChanged, onTeamInstall, onTeamRemoved, type PersonalArrival } from './installation';
import { forOneTurn } from './turnReads';

export const FOREIGN_TENANT = "Weave isn't set up for your organisation, so it can't help you here.";

export class WeaveBot {
  constructor(readonly deps: BotDeps) {}

  isOurTenant(turn: Turn): boolean {
    return turn.tenantId === this.deps.config.tenantId;
  }

  async onMessage(turn: Turn, text: string): Promise<Replies> {
    if (!this.isOurTenant(turn)) return this.refuseTenant(turn);
    const asking = await this.ask(turn);
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
    if (!mayRun(command, asking.person)) {
      this.deps.log.info('command.refused', { command: command.name, known: !!asking.person });
      return [{ text: asking.person
        ? `**${command.name}** is only for ${command.audience === 'staff' || command.audience === 'anyone' ? 'staff' : `people with the ${ROLES[command.audience]} role`}. Type **help** to see what you can do.`
        : `Weave doesn't know you yet. Type **profile** to introduce yourself, then **${command.name}** will work.` }];
    }
    this.deps.log.info('command', { command: command.name });
    return command.run(asking, args);
  }

  async onCardAction(turn: Turn, verb: string, data: Record<string, unknown>): Promise<InvokeOutcome> {
    if (!this.isOurTenant(turn)) {
      this.deps.log.warn('tenant.refused', { kind: 'card_action' });
      return { kind: 'message', text: FOREIGN_TENANT };
    }
    return dispatchCardAction(await this.ask(turn), verb, data);
  }

  async onPersonalInstall(turn: Turn, arrival: PersonalArrival): Promise<Replies> {
    if (!this.isOurTenant(turn)) return this.refuseTenant(turn);
    const { isNew, conversation } = await this.recordConversation(turn);
    const person = await this.deps.people.get(turn.tenantId, turn.user.aadObjectId);
    return onPersonalInstall({ deps: this.deps, turn, person }, { isNew, installedAt: conversation.installedAt }, arrival);
  }

  async onPersonalUninstall(turn: Turn): Promise<void> {
    if (!this.isOurTenant(turn)) return;
    await this.deps.conversations.setStatus(turn.tenantId, turn.user.aadObjectId, 'uninstalled', this.deps.clock.now().toISOString());
    this.deps.log.info('app.uninstalled', { scope: 'personal' });
  }

  async onTeamInstall(turn: Turn, channels: Channel[]): Promise<Replies> {
    if (!this.isOurTenant(turn)) return this.refuseTenant(turn);
    return onTeamInstall(this.deps, turn, channels);
  }

  async onTeamChannelsChanged(turn: Turn, channels: Channel[]): Promise<void> {
    if (this.isOurTenant(turn)) await onTeamChannelsChanged(this.deps, turn, channels);
  }

  async onTeamRemoved(turn: Turn): Promise<void> {
    if (this.isOurTenant(turn)) await onTeamRemoved(this.deps, turn);
  }

  private refuseTenant(turn: Turn): Replies {
    this.deps.log.warn('tenant.refused', { kind: turn.conversation.conversationKind });
    return [{ text: FOREIGN_TENANT }];
  }

  /** Who is asking; a personal turn also refreshes how to reach them later. */
  private async ask(turn: Turn): Promise<Asking> {
    const deps = forOneTurn(this.deps);
    const [person] = await Promise.all([
      deps.people.get(turn.tenantId, turn.user.aadObjectId),
      turn.conversation.conversationKind === 'personal' ? this.recordConversation(turn, deps) : undefined,
    ]);
    return { deps, turn, person };
  }

  private recordConversation(turn: Turn, deps = this.deps) {
    return deps.conversations.recordSeen({
      tenantId: turn.tenantId,
      aadObjectId: turn.user.aadObjectId,
      ref: turn.conversation,
      timeZone: turn.timeZone,
      locale: turn.locale,
      at: this.deps.clock.now().toISOString(),
    });
  }
}
