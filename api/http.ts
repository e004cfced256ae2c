// The tab's HTTP surface: its files, and every API route as a function in the declaration list.
// Each API call is authenticated (Entra SSO in Teams; locally, also the dev sign-in, api/devSignIn.ts)
// and authorised by role before its handler runs.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { hasRole } from '../core/people';
import type { AppDeps } from '../app/deps';
import type { TabAssets } from '../tab/assets';
import type { DevSigner } from './tokens';
import type { ApiRoute } from './routes';
import { DEV_AUDIENCE, DEV_ISSUER, entraKeys, KeysUnavailableError, TokenError, verifyToken, type Identity, type TokenRules } from './tokens';

/** What the tab's server side is given: the use cases' dependencies, the tab's files and (locally) the dev sign-in. */
export interface ApiHost extends AppDeps {
  tabAssets: TabAssets;
  /** Local mode only; null in Azure, so no dev sign-in token can exist there. */
  devSignIn: DevSigner | null;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
export const json = (status: number, body: unknown): HttpResponseInit => ({ status, body: JSON.stringify(body), headers: JSON_HEADERS });
const MAX_BODY_CHARS = 64 * 1024;

/** Teams (web, desktop, mobile) and Microsoft 365 hosts that may frame the tab. */
const FRAME_ANCESTORS = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft";
/** Where teams-js fetches the current list of Teams host origins when it loads in Teams (it falls back to its own copy). */
const TEAMS_JS_ORIGINS_LIST = 'https://res.cdn.office.net';
const PAGE_POLICY = `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ${TEAMS_JS_ORIGINS_LIST}; base-uri 'none'; form-action 'none'; frame-ancestors ${FRAME_ANCESTORS}`;

const entraKeysByTenant = new Map<string, ReturnType<typeof entraKeys>>();

function rulesFor(rt: ApiHost): TokenRules[] {
  const rules: TokenRules[] = [];
  const { config } = rt;
  if (config.tabClientId) {
    if (!entraKeysByTenant.has(config.tenantId)) entraKeysByTenant.set(config.tenantId, entraKeys(config.tenantId));
    const host = new URL(config.publicUrl).host;
    rules.push({
      audiences: [config.tabClientId, `api://${host}/${config.tabClientId}`],
      issuers: [`https://login.microsoftonline.com/${config.tenantId}/v2.0`, `https://sts.windows.net/${config.tenantId}/`],
      tenantId: config.tenantId, keys: entraKeysByTenant.get(config.tenantId)!, now: () => rt.clock.now(),
    });
  }
  // The dev sign-in exists only in local mode: in Azure there is no signer, so no such token can pass.
  if (config.mode === 'local' && rt.devSignIn) {
    rules.push({ audiences: [DEV_AUDIENCE], issuers: [DEV_ISSUER], tenantId: config.tenantId, keys: rt.devSignIn.keys, now: () => rt.clock.now() });
  }
  return rules;
}

/** Who is calling, from the bearer token; or why they are not signed in (status 401, or 503 when Entra's keys cannot be had). */
export async function identify(rt: ApiHost, header: string | null): Promise<Identity | { error: string; status: 401 | 503 }> {
  const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
  if (!token) return { error: 'Sign in: the request has no bearer token.', status: 401 };
  let last = 'Sign in: this app is not set up for sign-in.';
  for (const rules of rulesFor(rt)) {
    try {
      return await verifyToken(token, rules);
    } catch (err) {
      if (err instanceof KeysUnavailableError) return { error: err.message, status: 503 };
      if (!(err instanceof TokenError)) throw err;
      last = `Sign in again: ${err.message}.`;
    }
  }
  return { error: last, status: 401 };
}

export async function readJson(request: HttpRequest): Promise<{ value: unknown } | { error: string }> {
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return { error: 'The request body is too big.' };
  try {
    return { value: text ? JSON.parse(text) : undefined };
  } catch {
    return { error: 'The request body is not JSON.' };
  }
}

export async function serveApi(rt: ApiHost, route: ApiRoute, request: HttpRequest): Promise<HttpResponseInit> {
  const who = await identify(rt, request.headers.get('authorization'));
  if ('error' in who) return json(who.status, { error: who.error });
  const me = await rt.people.get(who.tenantId, who.aadObjectId);
  if (!me || me.status !== 'active') return json(403, { error: "Weave doesn't have you on HR's staff roster." });
  if (route.audience !== 'staff' && !hasRole(me, route.audience)) {
    return json(403, { error: `This is only for people with the ${route.audience === 'manager' ? 'line manager' : 'L&D admin'} role.` });
  }
  let body: unknown;
  if (request.method === 'POST') {
    const read = await readJson(request);
    if ('error' in read) return json(400, { errors: [read.error] });
    body = read.value;
  }
  const result = await route.handle({ deps: rt, me, params: request.params, body, devSignIn: rt.config.mode === 'local' && !!rt.devSignIn });
  rt.log.info('tab.api', { route: route.name, status: result.status });
  if ('file' in result) {
    return {
      status: 200, body: result.file.bytes,
      headers: { 'content-type': result.file.type, 'content-disposition': `attachment; filename="${result.file.name}"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    };
  }
  return json(result.status, result.body);
}

/** The tab's page, script and styles; the page may be framed only by Teams and Microsoft 365. */
export async function serveTab(rt: ApiHost, file: string | undefined): Promise<HttpResponseInit> {
  const asset = await rt.tabAssets.get(file || 'index.html');
  if (!asset) return { status: 404, body: 'Not found', headers: { 'content-type': 'text/plain; charset=utf-8' } };
  return {
    status: 200,
    body: asset.body,
    headers: {
      'content-type': asset.contentType,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...(asset.contentType.startsWith('text/html') ? { 'content-security-policy': PAGE_POLICY } : {}),
    },
  };
}
