// Checks the bearer token the Weave tab sends with every API call. In Teams it is the Entra ID
// token from SSO (authentication.getAuthToken): signed by the tenant's keys, for this app, from the
// tenant's issuer, in date. Locally (and in tests) it may instead be a dev sign-in token signed by a
// key this process made, which Azure mode never accepts. One checker, two sets of keys.
import { createPublicKey, createSign, generateKeyPairSync, randomUUID, verify as verifySignature, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface Identity {
  tenantId: string;
  aadObjectId: string;
  name: string;
}

export interface TokenRules {
  /** Audiences accepted: the SSO app's client id and its Application ID URI. */
  audiences: readonly string[];
  issuers: readonly string[];
  tenantId: string;
  keys: (kid: string) => Promise<KeyObject | undefined>;
  now: () => Date;
}

export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

const SKEW_SECONDS = 300;

/** The tenant's keys could not be fetched: nobody can be told whether their token is good. */
export class KeysUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeysUnavailableError';
  }
}

function part(s: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw new TokenError('the token is not a JWT');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TokenError('the token is not a JWT');
  return value as Record<string, unknown>;
}

/** Checks the claims before the signature, so a token meant for someone else never costs a key fetch. */
export async function verifyToken(token: string, rules: TokenRules): Promise<Identity> {
  const pieces = token.split('.');
  if (pieces.length !== 3) throw new TokenError('the token is not a JWT');
  const [h, p, sig] = pieces as [string, string, string];
  const header = part(h);
  const claims = part(p);
  if (header.alg !== 'RS256' || typeof header.kid !== 'string') throw new TokenError('the token is not signed with RS256 and a key id');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((a) => typeof a === 'string' && rules.audiences.includes(a))) throw new TokenError('the token is for another app');
  if (typeof claims.iss !== 'string' || !rules.issuers.includes(claims.iss)) throw new TokenError('the token is from another issuer');
  if (claims.tid !== rules.tenantId) throw new TokenError('the token is from another organisation');
  const key = await rules.keys(header.kid);
  if (!key) throw new TokenError('the token is signed with an unknown key');
  if (!verifySignature('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(sig, 'base64url'))) throw new TokenError('the token signature is not valid');
  const now = Math.floor(rules.now().getTime() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp < now - SKEW_SECONDS) throw new TokenError('the token has expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now + SKEW_SECONDS) throw new TokenError('the token is not valid yet');
  if (typeof claims.oid !== 'string' || !claims.oid) throw new TokenError('the token does not say who it is for');
  return { tenantId: claims.tid, aadObjectId: claims.oid.toLowerCase(), name: typeof claims.name === 'string' ? claims.name : '' };
}

const REFETCH_MS = 60_000;

async function fetchJwks(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

/**
 * The tenant's signing keys, from its published JWKS: cached, fetched again when an unknown key id
 * appears (keys roll over), at most once a minute. A key Node cannot read is skipped, not fatal.
 */
export function entraKeys(tenantId: string, fetchJson: (url: string) => Promise<unknown> = fetchJwks) {
  let cache = new Map<string, KeyObject>();
  let fetchedAt = -Infinity;
  let failed = false;
  return async (kid: string): Promise<KeyObject | undefined> => {
    if (!cache.has(kid) && Date.now() - fetchedAt > REFETCH_MS) {
      fetchedAt = Date.now();
      try {
        const jwks = (await fetchJson(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`)) as { keys?: (JsonWebKey & { kid?: string })[] };
        const next = new Map<string, KeyObject>();
        for (const k of jwks.keys ?? []) {
          try {
            if (k.kid) next.set(k.kid, createPublicKey({ key: k, format: 'jwk' }));
          } catch { /* a key type Node cannot import: not one Entra signs these tokens with */ }
        }
        cache = next;
        failed = false;
      } catch {
        failed = true;
      }
    }
    if (!cache.has(kid) && failed) throw new KeysUnavailableError("Sign-in is unavailable just now: Microsoft's signing keys could not be fetched. Try again in a minute.");
    return cache.get(kid);
  };
}

export const DEV_ISSUER = 'https://weave.localhost/dev-sign-in';
export const DEV_AUDIENCE = 'weave-dev-tab';

export interface DevSigner {
  /** Who the sign-in lists first, in order (the README's people, when the demo organisation runs). */
  first: readonly string[];
  keys: (kid: string) => Promise<KeyObject | undefined>;
  sign(aadObjectId: string, name: string, lifetimeSeconds?: number): string;
}

/** Local only: a key pair made on first use, and tokens it signs for whoever the dev sign-in names. */
export function devSigner(tenantId: string, now: () => Date, first: readonly string[] = []): DevSigner {
  let pair: { kid: string; privateKey: KeyObject; publicKey: KeyObject } | undefined;
  return {
    first,
    keys: (id: string) => Promise.resolve(pair && id === pair.kid ? pair.publicKey : undefined),
    sign(aadObjectId: string, name: string, lifetimeSeconds = 3600): string {
      pair ??= { kid: randomUUID(), ...generateKeyPairSync('rsa', { modulusLength: 2048 }) };
      const iat = Math.floor(now().getTime() / 1000);
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const body = `${enc({ alg: 'RS256', typ: 'JWT', kid: pair.kid })}.${enc({ iss: DEV_ISSUER, aud: DEV_AUDIENCE, tid: tenantId, oid: aadObjectId, name, iat, nbf: iat, exp: iat + lifetimeSeconds })}`;
      return `${body}.${createSign('RSA-SHA256').update(body).sign(pair.privateKey).toString('base64url')}`;
    },
  };
}
