// The one place botbuilder's adapter is built, from Weave's configuration.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { httpStatusOf } from '../../core/errors';
import { errorFields, type Logger } from '../../core/log';
import type { Config } from '../../core/config';
import { wellFormedBearer } from './bearerShape';

export const SORRY = "Sorry, something went wrong on Weave's side and nothing was changed. Please try again in a moment.";

/** An activity whose credentials were refused, whatever botbuilder threw to say so. */
class UnauthenticatedActivity extends Error {
  readonly statusCode = 401;
  constructor() {
    super('Unauthorized');
    this.name = 'AuthenticationError';
  }
}

/** The credentials looked right but could not be checked (the signing keys were out of reach): 503, try again. */
export class CredentialsUncheckable extends Error {
  readonly statusCode = 503;
  constructor() {
    super('The Bot Framework signing keys could not be fetched');
    this.name = 'CredentialsUncheckable';
  }
}

/** Weave could not check the credentials (the signing keys were unreachable): its failure, not the caller's. */
function couldNotCheck(err: unknown): boolean {
  return (httpStatusOf(err) ?? 0) >= 500 || (err as { name?: unknown } | null)?.name === 'FetchError';
}

/**
 * CloudAdapter, with its activity processing reachable directly: `process()` would also log raw
 * exceptions to the console and put their messages in HTTP bodies, where we want neither.
 */
export class WeaveAdapter extends CloudAdapter {
  constructor(auth: ConfigurationBotFrameworkAuthentication, private readonly authenticates: boolean) {
    super(auth);
  }

  /**
   * Authenticates the activity, runs the turn, and answers the invoke response if there is one.
   * Refused credentials throw UnauthenticatedActivity: botbuilder itself throws jsonwebtoken's and
   * JSON's errors for some forged tokens (a bad signature, alg none, nbf, a payload that is not JSON).
   * A header that cannot hold a signed token is refused before botbuilder fetches any key.
   */
  async handleActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    if (this.authenticates && !wellFormedBearer(authHeader)) throw new UnauthenticatedActivity();
    const authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader).catch((err: unknown) => {
      throw couldNotCheck(err) ? new CredentialsUncheckable() : new UnauthenticatedActivity();
    });
    return this.processActivity(authenticated, activity, logic);
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
  const adapter = new WeaveAdapter(auth, !!config.bot.appId);
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
