// The tab's API over HTTP: every route × every role from one table (a route missing from the table
// fails the test), sign-in failures, bad input, and the dev sign-in's absence in Azure mode.
import { generateKeyPairSync, createSign, randomUUID } from 'node:crypto';
import { HttpRequest } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSignIn } from '../../api/devSignIn';
import { identify } from '../../api/http';
import { API_ROUTES } from '../../api/routes';
import type { DevSignInPerson, OfferPreview, PlanView, TeamView } from '../../api/shapes';
import { DEV_AUDIENCE, DEV_ISSUER, devSigner } from '../../api/tokens';
import { loadConfig } from '../../runtime/config';
import { createRuntime } from '../../runtime/runtime';
import { startTestStack, testClock, type TestStack } from '../support/stack';
import { castOfFive } from '../support/cast';
import * as teams from '../support/teams';

const offer = {
  title: 'Court skills for every profession', description: 'Giving evidence and writing statements that hold up.',
  format: 'bite_size_workshop', date: '2026-12-10', time: '10:00', durationMinutes: '90', location: 'Civic Centre, Room 3', onlineUrl: '',
  capacity: '12', cpdHours: '1.5', closesOn: '2026-12-08', codes: 'CC3.S2', professions: '', teams: '', registration: 'any', withNeed: 'false',
};

type Role = 'practitioner' | 'their manager' | 'another manager' | 'ld admin' | 'not on roster' | 'another tenant';
const ROLES: Role[] = ['practitioner', 'their manager', 'another manager', 'ld admin', 'not on roster', 'another tenant'];

/** Who may call what: the design, as a table. 200 allowed; 403 refused; 401 not signed in to this organisation. */
const MATRIX: Record<string, Record<Role, number>> = {
  'tab-session': { practitioner: 200, 'their manager': 200, 'another manager': 200, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  'tab-me': { practitioner: 200, 'their manager': 200, 'another manager': 200, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  // A person's own career pathway: anyone on the roster, for themself; the next step needs an aim first (400).
  'tab-me-pathway': { practitioner: 200, 'their manager': 200, 'another manager': 200, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  'tab-me-pathway-step': { practitioner: 400, 'their manager': 400, 'another manager': 400, 'ld admin': 400, 'not on roster': 403, 'another tenant': 401 },
  'tab-me-export': { practitioner: 200, 'their manager': 200, 'another manager': 200, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  // The practitioner's own plan: themself and their line manager only; L&D never see one person's plan.
  'tab-person-plan': { practitioner: 200, 'their manager': 200, 'another manager': 403, 'ld admin': 403, 'not on roster': 403, 'another tenant': 401 },
  'tab-team': { practitioner: 403, 'their manager': 200, 'another manager': 200, 'ld admin': 403, 'not on roster': 403, 'another tenant': 401 },
  'tab-org': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  'tab-offer-options': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  'tab-offers': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  'tab-offer-preview': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  'tab-offer-send': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  'tab-team-agreement': { practitioner: 403, 'their manager': 200, 'another manager': 200, 'ld admin': 403, 'not on roster': 403, 'another tenant': 401 },
  // Each manager agrees for the team they lead: Dana for PaCT, Lee for Early Help.
  'tab-team-agree': { practitioner: 403, 'their manager': 200, 'another manager': 200, 'ld admin': 403, 'not on roster': 403, 'another tenant': 401 },
  'tab-org-year': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  'tab-org-line': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  // L&D may move lines; a line id that is not in this year's plan is bad input.
  'tab-org-line-status': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 400, 'not on roster': 403, 'another tenant': 401 },
  'tab-org-budget': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
  // L&D close a trigger with a note; one that is not in Weave is bad input.
  'tab-trigger-close': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 400, 'not on roster': 403, 'another tenant': 401 },
  'tab-org-workbook': { practitioner: 403, 'their manager': 403, 'another manager': 403, 'ld admin': 200, 'not on roster': 403, 'another tenant': 401 },
};

describe('tab API', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const { priya, dana, lee, kelly, morgan, records } = castOfFive();
  const stranger = teams.testUser('Sam Stranger', 'sam@elsewhere.example');
  const outsider = teams.testUser('Olu Outsider', 'olu@other-council.example');
  const as: Record<Role, teams.TestUser> = { practitioner: priya, 'their manager': dana, 'another manager': lee, 'ld admin': morgan, 'not on roster': stranger, 'another tenant': outsider };
  // Another organisation's sign-in: a well-formed token for its own tenant, signed by its own key.
  const otherOrganisation = devSigner(randomUUID(), () => clock.now());

  beforeAll(async () => {
    stack = await startTestStack({ clock });
    await stack.seed(records);
  }, 60_000);
  afterAll(async () => stack?.stop());

  const token = (user: teams.TestUser) => (user === outsider ? otherOrganisation : stack.rt.devSignIn!).sign(user.aadObjectId, user.name);

  async function callApi(path: string, init: { method?: string; body?: unknown; auth?: string | null } = {}) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.auth) headers.authorization = init.auth;
    const res = await fetch(`${stack.host.url}/api/${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body) });
    const json = res.headers.get('content-type')?.startsWith('application/json');
    return { status: res.status, body: (json ? await res.json() : { bytes: (await res.arrayBuffer()).byteLength }) as Record<string, unknown> };
  }

  const pathOf = (route: string) => route.replace('{personId}', priya.aadObjectId).replace('{lineId}', randomUUID());

  async function bodyFor(name: string, user: teams.TestUser): Promise<unknown> {
    if (name === 'tab-offer-preview') return { values: offer };
    if (name === 'tab-team-agree') return { priorities: [{ code: 'CC3', why: 'Court work needs it', term: 'Summer 2027' }], seenVersion: null };
    if (name === 'tab-org-line') {
      return { lineId: null, etag: null, values: { title: 'Court skills', code: 'CC3', format: 'bite_size_workshop', registration: 'any', providerKind: 'external', providerName: 'Court Skills Ltd', places: '12', estimated: '1,200', budgetLine: 'Workforce development' } };
    }
    if (name === 'tab-org-line-status') return { to: 'agreed', etag: 'x' };
    if (name === 'tab-trigger-close') return { id: 'not-a-trigger', note: 'Learned' };
    if (name === 'tab-me-pathway') return { target: 'not_now', share: false };
    if (name === 'tab-org-budget') return { etag: null, lines: [{ name: 'Workforce development', pounds: '25,000' }] };
    if (name !== 'tab-offer-send') return undefined;
    // Only L&D can get a digest; others send a made-up one and must be refused before it matters.
    if (user !== morgan) return { values: offer, digest: 'x' };
    const preview = await callApi('tab/api/offers/preview', { method: 'POST', body: { values: offer }, auth: `Bearer ${token(morgan)}` });
    return { values: offer, digest: (preview.body as unknown as OfferPreview).digest, sendAt: '2026-12-01T09:00:00Z' };
  }

  it('covers every route in the authorisation table', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(API_ROUTES.map((r) => r.name).sort());
  });

  for (const route of API_ROUTES) {
    for (const role of ROLES) {
      it(`${route.name}: ${role} → ${MATRIX[route.name]?.[role]}`, async () => {
        const user = as[role];
        const res = await callApi(pathOf(route.route), { method: route.method, body: await bodyFor(route.name, user), auth: `Bearer ${token(user)}` });
        expect(res.status).toBe(MATRIX[route.name]![role]);
        if (res.status === 403) expect(String(res.body.error)).toMatch(/\w/);
        if (res.status === 401) expect(String(res.body.error)).toMatch(/^Sign in/);
      });
    }
  }

  it('shows a manager their own reports only, and a plan only to the person and their manager', async () => {
    const team = (await callApi('tab/api/team', { auth: `Bearer ${token(dana)}` })).body as unknown as TeamView;
    expect(team.people.map((p) => p.name)).toEqual(['Priya Shah']);
    const other = (await callApi('tab/api/team', { auth: `Bearer ${token(lee)}` })).body as unknown as TeamView;
    expect(other.people.map((p) => p.name)).toEqual(['Kelly Nash']);
    // Priya's aim is hers: not shared, so her manager's view of her plan has no pathway, and her own has it.
    await stack.rt.aspirations.save({ tenantId: stack.tenantId, personId: priya.aadObjectId, choice: { kind: 'role', roleId: 'senior-practitioner' }, shareWithManager: false, fromRole: 'social-worker', stepAdded: false, setOn: '2026-11-23' });
    const plan = (await callApi(`tab/api/people/${priya.aadObjectId}/plan`, { auth: `Bearer ${token(dana)}` })).body as unknown as PlanView;
    expect(plan).toMatchObject({ asManager: true, person: { name: 'Priya Shah' }, pathway: null });
    expect(JSON.stringify(plan)).not.toContain('Senior or advanced practitioner');
    const own = (await callApi('tab/api/me', { auth: `Bearer ${token(priya)}` })).body as unknown as PlanView;
    expect(own.pathway).toMatchObject({ aim: "Where you'd like to go: Senior or advanced practitioner" });
    expect(own.mandatory.map((f) => f.title)).toContain('Safeguarding refresher (multi-agency)');
    expect((await callApi(`tab/api/people/${kelly.aadObjectId}/plan`, { auth: `Bearer ${token(dana)}` })).status).toBe(403);
    expect((await callApi(`tab/api/people/${dana.aadObjectId}/plan`, { auth: `Bearer ${token(priya)}` })).status).toBe(403);
  });

  describe('sign-in', () => {
    const forged = (claims: Record<string, unknown>) => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      // The key id of the real signer, so the signature itself is what gets checked.
      const realKid = (JSON.parse(Buffer.from(token(priya).split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;
      const body = `${enc({ alg: 'RS256', kid: realKid })}.${enc(claims)}`;
      return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
    };
    const now = () => Math.floor(clock.now().getTime() / 1000);
    const validClaims = () => ({ iss: DEV_ISSUER, aud: DEV_AUDIENCE, tid: stack.tenantId, oid: morgan.aadObjectId, iat: now(), exp: now() + 600 });

    it.each([
      ['no token', null],
      ['not a bearer token', `Basic ${Buffer.from('a:b').toString('base64')}`],
      ['garbage', 'Bearer not.a.jwt'],
      ['an unsigned token', `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ oid: 'x' })).toString('base64url')}.`],
    ])('refuses %s with 401', async (_what, auth) => {
      const res = await callApi('tab/api/org', { auth });
      expect(res.status).toBe(401);
      expect(String(res.body.error)).toMatch(/^Sign in/);
    });

    it('refuses a token signed by anyone else, even with the right claims and key id', async () => {
      const res = await callApi('tab/api/org', { auth: `Bearer ${forged(validClaims())}` });
      expect(res).toEqual({ status: 401, body: { error: 'Sign in again: the token signature is not valid.' } });
    });

    it('refuses an expired token, and a tampered one', async () => {
      const expired = stack.rt.devSignIn!.sign(morgan.aadObjectId, 'Morgan', -600);
      expect((await callApi('tab/api/org', { auth: `Bearer ${expired}` })).body.error).toBe('Sign in again: the token has expired.');
      const [h, p, s] = token(priya).split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
      const promoted = Buffer.from(JSON.stringify({ ...claims, oid: morgan.aadObjectId })).toString('base64url');
      expect((await callApi('tab/api/org', { auth: `Bearer ${h}.${promoted}.${s}` })).status).toBe(401);
    });

    it('offers the dev sign-in locally, and nowhere in Azure mode', async () => {
      const people = await callApi('tab/api/dev/sign-in');
      expect(people.status).toBe(200);
      // Roles as people read them; a practitioner's own role goes without saying.
      const listed = people.body as unknown as DevSignInPerson[];
      expect(listed.find((p) => p.id === morgan.aadObjectId)).toMatchObject({ name: 'Morgan Ellis', jobTitle: 'Workforce Development Lead', roles: ['L&D admin'] });
      expect(listed.find((p) => p.id === dana.aadObjectId)?.roles).toEqual(['Line manager']);
      expect(listed.find((p) => p.id === priya.aadObjectId)?.roles).toEqual([]);
      const signed = await callApi('tab/api/dev/sign-in', { method: 'POST', body: { personId: priya.aadObjectId } });
      expect((await callApi('tab/api/me', { auth: `Bearer ${(signed.body as { token: string }).token}` })).status).toBe(200);
      expect((await callApi('tab/api/dev/sign-in', { method: 'POST', body: { personId: randomUUID() } })).status).toBe(400);

      const azure = await createRuntime(loadConfig({
        WEAVE_TENANT_ID: stack.tenantId, MicrosoftAppId: '9b2c4d6e-1a3b-4c5d-8e7f-a0b1c2d3e4f5', WEAVE_TAB_CLIENT_ID: '4c3b2a19-8f7e-4d6c-9b5a-3e2d1c0b9a87',
        AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==;EndpointSuffix=core.windows.net',
      }), { provision: false });
      expect(azure.config.mode).toBe('azure');
      expect(azure.devSignIn).toBeNull();
      const asked = await devSignIn(azure, new HttpRequest({ method: 'POST', url: 'https://weave.example/api/tab/api/dev/sign-in', body: { string: JSON.stringify({ personId: priya.aadObjectId }) } }));
      expect(asked.status).toBe(404);
      // Even handed the local signer, an Azure-mode app accepts only Entra tokens: the dev token is refused on its claims.
      expect(await identify({ ...azure, devSignIn: stack.rt.devSignIn }, `Bearer ${token(priya)}`)).toEqual({ status: 401, error: 'Sign in again: the token is for another app.' });
    });
  });

  describe('bad input', () => {
    it('answers 400 with what to fix, and saves nothing', async () => {
      const auth = `Bearer ${token(morgan)}`;
      const before = (await stack.rt.offers.list(stack.tenantId)).length;
      expect((await callApi('tab/api/offers/preview', { method: 'POST', body: '{not json', auth })).body).toEqual({ errors: ['The request body is not JSON.'] });
      expect((await callApi('tab/api/offers/preview', { method: 'POST', body: { nothing: true }, auth })).status).toBe(400);
      const invalid = await callApi('tab/api/offers/preview', { method: 'POST', body: { values: { ...offer, capacity: '0', onlineUrl: 'http://x' } }, auth });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors).toEqual(expect.arrayContaining(['Places must be from 1 to 500.', 'Online link must be a web address starting https://.']));
      const preview = (await callApi('tab/api/offers/preview', { method: 'POST', body: { values: offer }, auth })).body as unknown as OfferPreview;
      const changed = await callApi('tab/api/offers', { method: 'POST', body: { values: { ...offer, capacity: '99' }, digest: preview.digest }, auth });
      expect(changed.body).toEqual({ errors: ['The offer has changed since its preview: check the preview again, then send.'] });
      const past = await callApi('tab/api/offers', { method: 'POST', body: { values: offer, digest: preview.digest, sendAt: '2026-11-01T09:00:00Z' }, auth });
      expect(past.body).toEqual({ errors: ['Send later: choose a time from now until bookings close.'] });
      const lateSend = await callApi('tab/api/offers', { method: 'POST', body: { values: offer, digest: preview.digest, sendAt: '2026-12-09T09:00:00Z' }, auth });
      expect(lateSend.body).toEqual({ errors: ['Send later: choose a time from now until bookings close.'] });
      expect((await stack.rt.offers.list(stack.tenantId)).length).toBe(before);
    });

    it('sends an offer once however often Send is pressed', async () => {
      const auth = `Bearer ${token(morgan)}`;
      const values = { ...offer, title: 'Pressed twice' };
      const { digest } = (await callApi('tab/api/offers/preview', { method: 'POST', body: { values }, auth })).body as unknown as OfferPreview;
      const [a, b] = await Promise.all([1, 2].map(() => callApi('tab/api/offers', { method: 'POST', body: { values, digest, sendAt: null }, auth })));
      const again = await callApi('tab/api/offers', { method: 'POST', body: { values, digest, sendAt: null }, auth });
      expect(a!.body.id).toBe(b!.body.id);
      expect(again.body).toEqual({ id: a!.body.id, status: 'sending' });
      expect((await stack.rt.offers.list(stack.tenantId)).filter((o) => o.title === 'Pressed twice')).toHaveLength(1);
    });

    it('never says how many people with a need an offer reaches when it could point at someone', async () => {
      const auth = `Bearer ${token(morgan)}`;
      // Narrow to one or two named people (Dana and Priya, PaCT's social workers), then ask for "only with a need".
      const values = { ...offer, teams: 'PaCT', professions: 'social_worker', codes: 'CC1' };
      const narrow = (await callApi('tab/api/offers/preview', { method: 'POST', body: { values }, auth })).body as unknown as OfferPreview;
      expect(narrow.audience).toMatch(/^It goes to [12] (person|people)\.$/);
      const withNeed = (await callApi('tab/api/offers/preview', { method: 'POST', body: { values: { ...values, withNeed: 'true' } }, auth })).body as unknown as OfferPreview;
      expect(withNeed.audience).toBe('It goes to fewer than 3 people.');
      // Sending to nobody is not refused either: that would say the same thing.
      const sent = await callApi('tab/api/offers', { method: 'POST', body: { values: { ...values, withNeed: 'true' }, digest: withNeed.digest, sendAt: null }, auth });
      expect(sent.status).toBe(200);
    });
  });

  it('serves the tab page, its icon, and a policy that lets only Teams frame it', async () => {
    const res = await fetch(`${stack.host.url}/api/tab/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(res.headers.get('content-security-policy')).toContain('https://teams.microsoft.com');
    // teams-js may fetch Microsoft's list of Teams host origins; nothing else leaves the page.
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' https://res.cdn.office.net;");
    const html = await res.text();
    expect(html).toContain('<script src="/api/tab/app.js"></script>');
    expect((await fetch(`${stack.host.url}/api/tab/app.js`)).headers.get('content-type')).toContain('javascript');
    // Its own icon, so no browser asks for /favicon.ico and gets a 404.
    expect(html).toContain('<link rel="icon" type="image/png" href="/api/tab/icon.png">');
    const icon = await fetch(`${stack.host.url}/api/tab/icon.png`);
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect((await fetch(`${stack.host.url}/api/tab/secrets.json`)).status).toBe(404);
  });
});
