// Weave's Teams channel, as the rest of the app sees it: an HTTP handler for the messaging
// endpoint and a proactive sender. Every bot SDK stays behind this: botbuilder (here and beside
// it) or the Teams SDK (sdk/), chosen by WEAVE_BOT_SDK; both turn activities into the same Turns.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Logger } from '../../core/log';
import type { Config } from '../../core/config';
import type { Messenger } from '../../app/messaging/messenger';
import type { WeaveBot } from '../weaveBot';
import { createAdapter } from './adapter';
import { messagesHandler } from './messages';
import { TeamsMessenger } from './proactive';
import { TeamsBot } from './teamsBot';
import { teamsSdkChannel } from './sdk/channel';

export type MessagesHandler = (request: HttpRequest) => Promise<HttpResponseInit>;

export interface TeamsChannel {
  messenger: Messenger;
  messagesHandler(bot: WeaveBot): MessagesHandler;
}

export function teamsChannel(config: Config, log: Logger, authOverrides: Record<string, string> = {}): TeamsChannel {
  return config.botSdk === 'teams' ? teamsSdkChannel(config, log, authOverrides) : botbuilderChannel(config, log, authOverrides);
}

function botbuilderChannel(config: Config, log: Logger, authOverrides: Record<string, string>): TeamsChannel {
  const adapter = createAdapter(config, log, authOverrides);
  return {
    messenger: new TeamsMessenger(adapter, config.bot.appId),
    messagesHandler: (bot) => messagesHandler(adapter, new TeamsBot(bot), log),
  };
}
