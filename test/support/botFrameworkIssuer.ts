// The Bot Framework token service on loopback: OpenID metadata and a JWKS shaped like
// login.botframework.com's, RSA keys made here, and `mint` to sign the tokens Teams would send a bot
// (and the forged, expired and misdirected ones it must refuse). Tests point botbuilder at it with `authOverrides`.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** AuthenticationConstants.ToBotFromChannelTokenIssuer: the `iss` of every token the Bot Framework channel sends. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/**
 * Which key signs. `teams`: published, endorsed for msteams (as Bot Framework's are). `webchat`:
 * published, endorsed only for other channels. `entra`: published in the Entra (emulator) key set
 * only. `rogue`: never published anywhere.
 */
export type KeyName = 'teams' | 'webchat' | 'entra' | 'rogue';

export interface MintOptions {
  key?: KeyName;
  /** The `kid` header; defaults to the signing key's own. Another key's kid forges a signature under it. */
  kid?: string;
  /** `alg: none` and no signature. */
  unsigned?: boolean;
  /** Seconds from now; a claim given explicitly wins. */
  notBefore?: number;
  expiresIn?: number;
}

export interface BotFrameworkIssuer {
  url: string;
  /** Where botbuilder reads the channel's OpenID metadata (ToBotFromChannelOpenIdMetadataUrl). */
  metadataUrl: string;
  /**
   * ConfigurationBotFrameworkAuthentication settings that take inbound keys from here and keep
   * everything else as the public cloud has it. Setting any of these makes botbuilder use only
   * what is given (BotFrameworkAuthenticationFactory), so all are given.
   */
  authOverrides: Record<string, string>;
  kids: Record<KeyName, string>;
  /** A signed JWT: `iss`, `iat`, `nbf` and `exp` (an hour) are filled in; a claim set to undefined is left out. */
  mint(claims: Record<string, unknown>, options?: MintOptions): string;
  /** How many times botbuilder fetched the metadata and the keys. */
  fetches: { metadata: number; keys: number };
  stop(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: { kty: string; n: string; e: string; kid: string; use: 'sig'; endorsements?: string[] };
}

function makeKey(endorsements?: string[]): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const kid = randomUUID();
  return {
    kid,
    privateKey,
    publicJwk: { kty: 'RSA', n: jwk.n!, e: jwk.e!, kid, use: 'sig', ...(endorsements ? { endorsements } : {}) },
  };
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startBotFrameworkIssuer(): Promise<BotFrameworkIssuer> {
  const keys: Record<KeyName, SigningKey> = {
    teams: makeKey(['msteams']),
    webchat: makeKey(['webchat', 'directline']),
    // Entra's keys carry no endorsements.
    entra: makeKey(),
    rogue: makeKey(['msteams']),
  };
  const fetches = { metadata: 0, keys: 0 };
  let base = '';

  const documents: Record<string, () => object> = {
    '/v1/.well-known/openidconfiguration': () => {
      fetches.metadata++;
      return { issuer: BOT_FRAMEWORK_ISSUER, authorization_endpoint: `${base}/invalid`, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] };
    },
    '/v1/.well-known/keys': () => {
      fetches.keys++;
      return { keys: [keys.teams.publicJwk, keys.webchat.publicJwk] };
    },
    '/common/v2.0/.well-known/openid-configuration': () => ({ issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwks_uri: `${base}/common/discovery/v2.0/keys` }),
    '/common/discovery/v2.0/keys': () => ({ keys: [keys.entra.publicJwk] }),
  };

  const server: Server = createServer((req, res) => {
    const document = documents[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(document ? document() : { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const metadataUrl = `${base}/v1/.well-known/openidconfiguration`;

  return {
    url: base,
    metadataUrl,
    // The public cloud's values, from AuthenticationConstants and CallerIdConstants in botframework-connector 4.23.
    authOverrides: {
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: `${base}/common/v2.0/.well-known/openid-configuration`,
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: 'https://api.botframework.com',
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: 'true',
    },
    kids: { teams: keys.teams.kid, webchat: keys.webchat.kid, entra: keys.entra.kid, rogue: keys.rogue.kid },
    fetches,
    mint(claims, options = {}) {
      const key = keys[options.key ?? 'teams'];
      const now = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        iss: BOT_FRAMEWORK_ISSUER,
        iat: now + (options.notBefore ?? 0),
        nbf: now + (options.notBefore ?? 0),
        exp: now + (options.expiresIn ?? 3600),
        ...claims,
      };
      for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
      const header = { alg: options.unsigned ? 'none' : 'RS256', typ: 'JWT', kid: options.kid ?? key.kid };
      const signed = `${encode(header)}.${encode(payload)}`;
      if (options.unsigned) return `${signed}.`;
      return `${signed}.${sign('sha256', Buffer.from(signed), key.privateKey).toString('base64url')}`;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
