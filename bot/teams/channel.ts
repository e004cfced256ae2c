// Weave's Teams channel, as the rest of the app sees it: an HTTP handler for the messaging
// endpoint and a proactive sender. Everything botbuilder stays behind this.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Logger } from '../../core/log';
import type { Config } from '../../core/config';
import type { Messenger } from '../../app/messaging/messenger';
import type { WeaveBot } from '../weaveBot';
import { createAdapter } from './adapter';
import { messagesHandler } from './messages';
import { TeamsMessenger } from './proactive';
import { TeamsBot } from './teamsBot';

export type MessagesHandler = (request: HttpRequest) => Promise<HttpResponseInit>;

export interface TeamsChannel {
  messenger: Messenger;
  messagesHandler(bot: WeaveBot): MessagesHandler;
}

export function teamsChannel(config: Config, log: Logger, authOverrides: Record<string, string> = {}): TeamsChannel {
  const adapter = createAdapter(config, log, authOverrides);
  return {
    messenger: new TeamsMessenger(adapter, config.bot.appId),
    messagesHandler: (bot) => messagesHandler(adapter, new TeamsBot(bot), log),
  };
}
