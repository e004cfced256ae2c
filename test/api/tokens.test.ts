// The token checker against every way an Entra ID token can be wrong, with keys published as a
// JWKS the way the tenant publishes them (served from memory instead of login.microsoftonline.com).
import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entraKeys, KeysUnavailableError, verifyToken, type TokenRules } from '../../api/tokens';

const TENANT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const CLIENT = '9b2c4d6e-1a3b-4c5d-8e7f-a0b1c2d3e4f5';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const NOW = new Date('2026-11-23T10:00:00Z');
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }] };
let fetches = 0;
const keys = entraKeys(TENANT, (url) => {
  expect(url).toBe(`https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`);
  fetches += 1;
  return Promise.resolve(jwks);
});
const rules: TokenRules = { audiences: [CLIENT, `api://weave.example/${CLIENT}`], issuers: [ISSUER], tenantId: TENANT, keys, now: () => NOW };

function sign(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'k1' }) {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${enc(header)}.${enc(claims)}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
}

const t = Math.floor(NOW.getTime() / 1000);
const good = { aud: CLIENT, iss: ISSUER, tid: TENANT, oid: 'A1B2C3D4-0000-4000-8000-000000000001', name: 'Priya Shah', iat: t - 60, nbf: t - 60, exp: t + 3600 };

describe('Entra ID token checks', () => {
  it('accepts a good token for the client id or its Application ID URI, fetching the keys once', async () => {
    expect(await verifyToken(sign(good), rules)).toEqual({ tenantId: TENANT, aadObjectId: good.oid.toLowerCase(), name: 'Priya Shah' });
    expect(await verifyToken(sign({ ...good, aud: `api://weave.example/${CLIENT}` }), rules)).toMatchObject({ name: 'Priya Shah' });
    expect(fetches).toBe(1);
  });

  it('accepts an audience list and the v1 issuer when the rules allow it', async () => {
    const v1 = `https://sts.windows.net/${TENANT}/`;
    expect(await verifyToken(sign({ ...good, aud: ['other', CLIENT], iss: v1 }), { ...rules, issuers: [ISSUER, v1] })).toMatchObject({ name: 'Priya Shah' });
  });

  it.each([
    ['without an expiry', { ...good, exp: undefined }, 'the token has expired'],
    ['expired', { ...good, exp: t - 600 }, 'the token has expired'],
    ['not yet valid', { ...good, nbf: t + 600 }, 'the token is not valid yet'],
    ['for another app', { ...good, aud: 'another-app' }, 'the token is for another app'],
    ['from another issuer', { ...good, iss: 'https://evil.example/v2.0' }, 'the token is from another issuer'],
    ['from another tenant', { ...good, tid: '11111111-2222-4333-8444-555555555555' }, 'the token is from another organisation'],
    ['for nobody', { ...good, oid: undefined }, 'the token does not say who it is for'],
  ])('refuses a token %s', async (_what, claims, message) => {
    await expect(verifyToken(sign(claims), rules)).rejects.toThrow(message);
  });

  it('refuses unknown keys, other algorithms and broken signatures', async () => {
    await expect(verifyToken(sign(good, { alg: 'RS256', kid: 'k2' }), rules)).rejects.toThrow('unknown key');
    await expect(verifyToken(sign(good, { alg: 'HS256', kid: 'k1' }), rules)).rejects.toThrow('RS256');
    const [h, p] = sign(good).split('.');
    await expect(verifyToken(`${h}.${p}.AAAA`, rules)).rejects.toThrow('signature is not valid');
    await expect(verifyToken('a.b', rules)).rejects.toThrow('not a JWT');
    await expect(verifyToken('!!!.###.$$$', rules)).rejects.toThrow('not a JWT');
    const nul = Buffer.from('null').toString('base64url');
    await expect(verifyToken(`${nul}.${nul}.x`, rules)).rejects.toThrow('not a JWT');
    await expect(verifyToken(`${Buffer.from('[1]').toString('base64url')}.${nul}.x`, rules)).rejects.toThrow('not a JWT');
  });

  it('says sign-in is unavailable, rather than refusing the person, when the keys cannot be fetched; and asks at most once a minute', async () => {
    let asked = 0;
    const down = entraKeys(TENANT, () => {
      asked += 1;
      return Promise.reject(new Error('ECONNREFUSED'));
    });
    const broken = { ...rules, keys: down };
    await expect(verifyToken(sign(good), broken)).rejects.toBeInstanceOf(KeysUnavailableError);
    await expect(verifyToken(sign(good), broken)).rejects.toBeInstanceOf(KeysUnavailableError);
    expect(asked).toBe(1);
    // A token for another app is refused on its claims, without asking for keys at all.
    await expect(verifyToken(sign({ ...good, aud: 'another-app' }), { ...rules, keys: () => Promise.reject(new Error('asked')) })).rejects.toThrow('for another app');
  });
});
