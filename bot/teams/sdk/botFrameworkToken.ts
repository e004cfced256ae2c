// Inbound authentication on the Teams SDK path, done by Weave before the SDK sees the activity (it
// is then handed over as pre-authenticated, the SDK's seam for transports that authenticate for
// themselves). The same checks botbuilder makes for a channel token, plus two it lacks: only the
// Bot Framework channel's issuer is accepted (no Entra or agentic paths, which Weave does not use),
// and `exp` is required. Refusals are 401; keys out of reach are 503 (CredentialsUncheckable).
import { createPublicKey, verify } from 'node:crypto';
import type { IToken } from '@microsoft/teams.api';
import { CredentialsUncheckable } from '../adapter';
import { wellFormedBearer } from '../bearerShape';
import { KeysUnavailable, type OpenIdKeys } from './openIdKeys';

/** AuthenticationConstants.ToBotFromChannelTokenIssuer: the `iss` of every token the channel sends. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';
/** botbuilder's clock tolerance, kept so both SDKs refuse the same tokens. */
const CLOCK_SKEW_SECONDS = 300;

export class Unauthenticated extends Error {
  readonly statusCode = 401;
  constructor(readonly why: string) {
    super('Unauthorized');
    this.name = 'AuthenticationError';
  }
}

const part = (text: string) => JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<string, unknown>;
const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

export class BotFrameworkTokens {
  constructor(private readonly appId: string, private readonly keys: OpenIdKeys, private readonly now: () => number = Date.now) {}

  /** The caller, if the header carries a valid channel token for this app, activity channel and serviceUrl. */
  async verify(authorization: string | null, activity: { channelId?: unknown; serviceUrl: string }): Promise<IToken> {
    const token = wellFormedBearer(authorization);
    if (!token) throw new Unauthenticated('not a signed JWT');
    const [headerPart, payloadPart, signature] = token.split('.') as [string, string, string];
    const header = part(headerPart);
    const claims = part(payloadPart);
    if (claims.iss !== CHANNEL_ISSUER) throw new Unauthenticated('issuer');

    let key;
    try {
      key = await this.keys.find(header.kid as string);
    } catch (err) {
      if (err instanceof KeysUnavailable) throw new CredentialsUncheckable();
      throw err;
    }
    if (!key) throw new Unauthenticated('unknown key');
    if (key.endorsements && !(typeof activity.channelId === 'string' && key.endorsements.includes(activity.channelId))) throw new Unauthenticated('key not endorsed for the channel');
    const publicKey = createPublicKey({ key: { kty: key.kty, n: key.n, e: key.e }, format: 'jwk' });
    if (!verify('sha256', Buffer.from(`${headerPart}.${payloadPart}`), publicKey, Buffer.from(signature, 'base64url'))) throw new Unauthenticated('signature');

    const nowSeconds = Math.floor(this.now() / 1000);
    if (claims.aud !== this.appId) throw new Unauthenticated('audience');
    if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SECONDS < nowSeconds) throw new Unauthenticated('expired');
    if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_SKEW_SECONDS > nowSeconds) throw new Unauthenticated('not yet valid');
    if (typeof claims.serviceurl !== 'string' || !sameUrl(claims.serviceurl, activity.serviceUrl)) throw new Unauthenticated('serviceUrl');
    return { appId: this.appId, from: 'azure', fromId: typeof claims.sub === 'string' ? claims.sub : '', serviceUrl: activity.serviceUrl, isExpired: () => false };
  }
}
