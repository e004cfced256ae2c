// Every turn runs through the same few steps before its handler, written once (as the Teams SDK's
// `use`/`next` chain does): here, that the turn comes from the organisation's own tenant.
import type { Channel } from '../store/teamsInstalled';
import type { Logger } from '../core/log';
import type { Replies, Turn } from './context';
import type { InvokeOutcome } from './flows/dispatch';
import type { PersonalArrival } from './installation';

/** What happened in Teams, as Weave handles it. */
export type TurnEvent =
  | { kind: 'message'; text: string }
  | { kind: 'cardAction'; verb: string; data: Record<string, unknown> }
  | { kind: 'personalInstall'; arrival: PersonalArrival }
  | { kind: 'personalUninstall' }
  | { kind: 'teamInstall'; channels: Channel[] }
  | { kind: 'teamChannelsChanged'; channels: Channel[] }
  | { kind: 'teamRemoved' };

/** What each kind of event answers: replies in the chat, an invoke's card or message, or nothing. */
export type TurnAnswer<E extends TurnEvent> = E extends { kind: 'cardAction' } ? InvokeOutcome : E extends { kind: 'message' | 'personalInstall' | 'teamInstall' } ? Replies : void;

export type Next = () => Promise<unknown>;
export type TurnStep = (turn: Turn, event: TurnEvent, next: Next) => Promise<unknown>;

/** Runs the steps in order; each calls `next` to go on, or answers without calling it. */
export function runSteps(steps: readonly TurnStep[], turn: Turn, event: TurnEvent, handler: Next): Promise<unknown> {
  const at = (i: number): Promise<unknown> => (i < steps.length ? steps[i]!(turn, event, () => at(i + 1)) : handler());
  return at(0);
}

export const FOREIGN_TENANT = "Weave isn't set up for your organisation, so it can't help you here.";

/** Activities from any tenant but the organisation's are answered with a refusal and store nothing. */
export function ourTenantOnly(tenantId: string, log: Logger): TurnStep {
  return async (turn, event, next) => {
    if (turn.tenantId === tenantId) return next();
    if (event.kind === 'personalUninstall' || event.kind === 'teamChannelsChanged' || event.kind === 'teamRemoved') return undefined;
    log.warn('tenant.refused', { kind: event.kind === 'cardAction' ? 'card_action' : turn.conversation.conversationKind });
    return event.kind === 'cardAction' ? { kind: 'message', text: FOREIGN_TENANT } satisfies InvokeOutcome : [{ text: FOREIGN_TENANT }] satisfies Replies;
  };
}
