// With bot credentials set, an activity reaches Weave only with a Bot Framework token for this bot,
// from Bot Framework's issuer and keys, for the activity's serviceUrl. Anything else gets 401 with a
// plain body, and no row, send or reply comes of it. Keys and metadata come from a local issuer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TABLES } from '../../store/tables';
import { startBotFrameworkIssuer, type BotFrameworkIssuer, type MintOptions } from '../support/botFrameworkIssuer';
import { freePort } from '../support/ports';
import { startTestStack, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const APP_ID = randomUUID();
const OTHER_APP_ID = randomUUID();
/** Entra's issuer for the tenant Bot Framework apps live in: a token with it takes botbuilder's Entra (emulator, skill) path. */
const ENTRA_ISSUER = 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0';
const CREDENTIALS = { MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: randomUUID() /* never used: nothing here asks Entra for a token */ };

type Activity = Record<string, unknown> & { serviceUrl: string };
/** `ran`: the event the turn logs once Weave has handled the activity. */
type ActivityKind = { name: string; make(user: teams.TestUser, o: teams.ActivityOptions): Activity; ran: string };

const KINDS: ActivityKind[] = [
  { name: 'a message', make: (user, o) => teams.personalMessage(user, 'help', o), ran: 'command' },
  { name: 'an Action.Execute invoke', make: (user, o) => teams.cardAction(user, 'profile.save', { cardId: randomUUID() }, o), ran: 'card.refused' },
];

let issuer: BotFrameworkIssuer;
let stack: TestStack;

/** The claims Teams' tokens carry for this bot and this activity. */
const claimsFor = (activity: Activity) => ({ aud: APP_ID, serviceurl: activity.serviceUrl });
const bearer = (claims: Record<string, unknown>, options?: MintOptions) => `Bearer ${issuer.mint(claims, options)}`;

/** Each way in that must be refused: the Authorization header to send (undefined: none). */
const REFUSED: [string, (activity: Activity) => string | undefined][] = [
  ['no Authorization header', () => undefined],
  ['an empty bearer', () => 'Bearer '],
  ['a header that is not a JWT', () => 'Bearer not-a-token'],
  ['another scheme', () => `Basic ${Buffer.from(`${APP_ID}:secret`).toString('base64')}`],
  ['a token whose payload is not JSON', () => `Bearer ${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('not json').toString('base64url')}.c2ln`],
  ['a token for another app id', (a) => bearer({ ...claimsFor(a), aud: OTHER_APP_ID })],
  ['a token with no audience', (a) => bearer({ ...claimsFor(a), aud: undefined })],
  ['a token that expired more than the 5 minutes botbuilder tolerates', (a) => bearer(claimsFor(a), { expiresIn: -6 * 60 })],
  ['a token not valid for another 10 minutes', (a) => bearer(claimsFor(a), { notBefore: 10 * 60 })],
  ['a token from another issuer', (a) => bearer({ ...claimsFor(a), iss: 'https://api.botframework.example' })],
  ['a token from Entra for another app (a skill call)', (a) => bearer({ ...claimsFor(a), iss: ENTRA_ISSUER, ver: '2.0', azp: OTHER_APP_ID }, { key: 'entra' })],
  ['a token from Entra signed with a Bot Framework key', (a) => bearer({ ...claimsFor(a), iss: ENTRA_ISSUER, ver: '1.0', appid: APP_ID })],
  ['a token signed by a key not in the JWKS', (a) => bearer(claimsFor(a), { key: 'rogue' })],
  ['a token signed by another key under a published kid', (a) => bearer(claimsFor(a), { key: 'rogue', kid: issuer.kids.teams })],
  ['a token whose key is not endorsed for msteams', (a) => bearer(claimsFor(a), { key: 'webchat' })],
  ['an unsigned token (alg none)', (a) => bearer(claimsFor(a), { unsigned: true })],
  ['a token issued for another serviceUrl', (a) => bearer({ ...claimsFor(a), serviceurl: 'https://smba.trafficmanager.net/uk/' })],
  ['a token with no serviceurl claim', (a) => bearer({ ...claimsFor(a), serviceurl: undefined })],
];

async function post(activity: Activity, authorization: string | undefined, to: TestStack = stack) {
  const res = await fetch(`${to.host.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify(activity),
  });
  return { status: res.status, text: await res.text() };
}

/** Every row in every table, with its ETag: any insert, update or delete changes it. */
async function storedRows(of: TestStack = stack): Promise<string[]> {
  const rows: string[] = [];
  for (const table of Object.values(TABLES)) {
    for await (const e of of.rt.tables.client(table).listEntities()) rows.push(`${table}|${e.partitionKey}|${e.rowKey}|${e.etag}`);
  }
  return rows.sort();
}

beforeAll(async () => {
  issuer = await startBotFrameworkIssuer();
  stack = await startTestStack({
    env: CREDENTIALS,
    authOverrides: issuer.authOverrides,
  });
  // botbuilder's token validation writes rejected tokens' errors to the console itself.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterAll(async () => {
  vi.restoreAllMocks();
  await stack?.stop();
  await issuer?.stop();
});

describe.each(KINDS)('inbound authentication: $name', (kind) => {
  it.each(REFUSED)('refuses %s with 401 and changes nothing', async (_what, authorization) => {
    const user = teams.testUser('Mallory', 'mallory@example.org');
    const activity = kind.make(user, { serviceUrl: stack.connector.url, tenantId: stack.tenantId });
    const before = await storedRows();
    const logged = stack.logs.length;

    const res = await post(activity, authorization(activity));

    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toEqual({ error: 'Unauthorized' });
    expect(await storedRows()).toEqual(before);
    expect(await stack.rt.conversations.get(stack.tenantId, user.aadObjectId)).toBeUndefined();
    expect(await stack.rt.people.get(stack.tenantId, user.aadObjectId)).toBeUndefined();
    expect(stack.connector.requests).toEqual([]);
    expect(stack.logs.slice(logged).map((l) => l.event)).toEqual(['activity.unauthenticated']);
  });

  it('accepts a valid Bot Framework token: the turn runs', async () => {
    const user = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
    const activity = kind.make(user, { serviceUrl: stack.connector.url, tenantId: stack.tenantId });
    const logged = stack.logs.length;

    const res = await post(activity, bearer(claimsFor(activity)));

    expect(res.status).toBe(200);
    // Replies need an Entra token from login.microsoftonline.com, which these machines cannot reach
    // and MSAL will not take from a loopback authority (https only, and instance discovery at
    // login.microsoftonline.com for any host it does not know). So the turn shows itself in state:
    // every personal activity records the person's conversation first.
    expect(await stack.rt.conversations.get(stack.tenantId, user.aadObjectId)).toMatchObject({ status: 'installed' });
    if (activity.type === 'invoke') expect(JSON.parse(res.text)).toMatchObject({ statusCode: 200 });
    const events = stack.logs.slice(logged).map((l) => l.event);
    expect(events).toContain(kind.ran);
    expect(events).not.toContain('activity.unauthenticated');
  });
});

it('took the keys from the local issuer, not login.botframework.com', () => {
  expect(issuer.fetches.keys).toBeGreaterThan(0);
});

describe('inbound authentication when the signing keys cannot be fetched', () => {
  let blind: TestStack;
  beforeAll(async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}/v1/.well-known/openidconfiguration`;
    blind = await startTestStack({ env: CREDENTIALS, authOverrides: { ...issuer.authOverrides, ToBotFromChannelOpenIdMetadataUrl: nowhere } });
  });
  afterAll(async () => blind?.stop());

  it('answers 503, Weave\'s failure rather than the caller\'s (so Teams tries again), and changes nothing', async () => {
    const user = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
    const activity = teams.personalMessage(user, 'help', { serviceUrl: blind.connector.url, tenantId: blind.tenantId });
    const before = await storedRows(blind);
    const logged = blind.logs.length;

    const res = await post(activity, bearer(claimsFor(activity)), blind);

    expect(res.status).toBe(503);
    expect(JSON.parse(res.text)).toEqual({ error: 'Weave could not check this activity\'s credentials just now; try again' });
    expect(await storedRows(blind)).toEqual(before);
    expect(blind.connector.requests).toEqual([]);
    expect(blind.logs.slice(logged).map((l) => l.event)).toEqual(['activity.credentials_uncheckable']);
  });

  const STRUCTURALLY_INVALID: [string, (a: Activity) => string][] = [
    ['an unsigned token (alg none)', (a) => bearer(claimsFor(a), { unsigned: true })],
    ['a token with an empty signature', (a) => bearer(claimsFor(a)).replace(/\.[^.]+$/, '.')],
    ['a token signed with HS256', (a) => { const [, payload, sig] = bearer(claimsFor(a)).split('.'); return `Bearer ${Buffer.from('{"alg":"HS256","typ":"JWT","kid":"x"}').toString('base64url')}.${payload}.${sig}`; }],
    ['a token with no key id', (a) => { const [, payload, sig] = bearer(claimsFor(a)).split('.'); return `Bearer ${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${payload}.${sig}`; }],
    ['a token whose payload is not JSON', () => `Bearer ${Buffer.from('{"alg":"RS256","typ":"JWT","kid":"k"}').toString('base64url')}.${Buffer.from('not json').toString('base64url')}.c2ln`],
    ['a header that is not a JWT', () => 'Bearer not-a-token'],
  ];

  it.each(STRUCTURALLY_INVALID)('still refuses %s with 401, before fetching any key', async (_what, authorization) => {
    const user = teams.testUser('Mallory', 'mallory@example.org');
    const activity = teams.personalMessage(user, 'help', { serviceUrl: blind.connector.url, tenantId: blind.tenantId });
    const logged = blind.logs.length;

    const res = await post(activity, authorization(activity), blind);

    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toEqual({ error: 'Unauthorized' });
    expect(blind.logs.slice(logged).map((l) => l.event)).toEqual(['activity.unauthenticated']);
  });
});
