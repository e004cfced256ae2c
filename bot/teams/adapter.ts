// The one place botbuilder's adapter is built, from Weave's configuration.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { errorFields, type Logger } from '../../core/log';
import type { Config } from '../../runtime/config';

export const SORRY = "Sorry, something went wrong on Weave's side and nothing was changed. Please try again in a moment.";

/**
 * CloudAdapter, with its activity processing reachable directly: `process()` would also log raw
 * exceptions to the console and put their messages in HTTP bodies, where we want neither.
 */
export class WeaveAdapter extends CloudAdapter {
  /** Authenticates the activity, runs the turn, and answers the invoke response if there is one. Throws on bad credentials. */
  handleActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createAdapter(config: Config, log: Logger, authOverrides: Record<string, string> = {}): WeaveAdapter {
  // No app id: no authentication either way (local mode only; loadConfig refuses it in Azure).
  const credentials = config.bot.appId
    ? {
      MicrosoftAppId: config.bot.appId,
      MicrosoftAppType: config.bot.appType,
      MicrosoftAppTenantId: config.bot.appTenantId,
      MicrosoftAppPassword: config.bot.appPassword,
    }
    : {};
  const auth = new ConfigurationBotFrameworkAuthentication({ ...credentials, ...authOverrides });
  const adapter = new WeaveAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error('turn.failed', { ...errorFields(error), activityType: context.activity.type, name: context.activity.name });
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(SORRY);
      } catch (sendError) {
        log.warn('turn.apology_failed', errorFields(sendError));
      }
    }
  };
  return adapter;
}
