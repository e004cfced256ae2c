// The Teams SDK implementation of Weave's Teams channel (WEAVE_BOT_SDK=teams): the same messaging
// handler and proactive sender the botbuilder seam gives (../channel.ts), on @microsoft/teams.apps.
import type { Config } from '../../../core/config';
import type { Logger } from '../../../core/log';
import type { WeaveBot } from '../../weaveBot';
import type { TeamsChannel } from '../channel';
import { BotFrameworkTokens } from './botFrameworkToken';
import { FunctionsAdapter } from './functionsAdapter';
import { sdkMessagesHandler } from './messages';
import { OpenIdKeys } from './openIdKeys';
import { TeamsSdkMessenger } from './proactive';
import { weaveApp } from './weaveApp';

/** Where the Bot Framework channel publishes its OpenID metadata (public cloud). */
export const CHANNEL_OPENID_METADATA = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

export function teamsSdkChannel(config: Config, log: Logger, authOverrides: Record<string, string> = {}): TeamsChannel {
  const adapter = new FunctionsAdapter();
  const tokens = config.bot.appId
    ? new BotFrameworkTokens(config.bot.appId, new OpenIdKeys(authOverrides.ToBotFromChannelOpenIdMetadataUrl ?? CHANNEL_OPENID_METADATA))
    : null;
  let messenger: TeamsSdkMessenger | undefined;
  return {
    // The composition root needs a messenger before the bot exists; the SDK's app (its token and
    // HTTP client) is made with the messaging handler, which the root makes next.
    messenger: {
      retriesInside: false,
      send(ref, message) {
        if (!messenger) throw new Error('The Teams SDK app is made with the messaging handler');
        return messenger.send(ref, message);
      },
    },
    messagesHandler(bot: WeaveBot) {
      const made = weaveApp(config, adapter, bot, log);
      messenger = new TeamsSdkMessenger(made);
      const initialised = made.initialize();
      const handle = sdkMessagesHandler(adapter, tokens, log);
      return async (request) => {
        await initialised;
        return handle(request);
      };
    },
  };
}
