// Proactive installation through Microsoft Graph: POST /users/{id}/teamwork/installedApps with the
// app's catalog id (least privilege: TeamsAppInstallation.ReadWriteSelfForUser.All, which lets the
// app install only itself). Graph's answers, as Weave acts on them:
// 201 installed, 409 already installed → wait for Teams' installation event;
// 429 (with Retry-After) or 5xx → wait and ask again; 403 → an app permission policy blocks it
// (or, when the error names a licence, the person has no Teams licence); 404 → no Teams for them.
import type { AppInstaller, InstallOutcome } from '../app/messaging/installer';
import type { GraphTokenSource } from './tokens';

const TIMEOUT_MS = 15_000;

export interface GraphInstallSettings {
  /** https://graph.microsoft.com, or the fake on loopback in tests. */
  graphUrl: string;
  /** Weave's id in the organisation's Teams app catalog (not the manifest id). */
  catalogAppId: string;
}

async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return `${text(body.error?.code)} ${text(body.error?.message)}`;
  } catch {
    return '';
  }
}

function retryAfter(res: Response): number | null {
  const seconds = Number(res.headers.get('retry-after'));
  return res.headers.has('retry-after') && Number.isFinite(seconds) ? seconds : null;
}

export class GraphAppInstaller implements AppInstaller {
  readonly enabled = true;

  constructor(private readonly settings: GraphInstallSettings, private readonly token: GraphTokenSource) {}

  async install(_tenantId: string, personId: string): Promise<InstallOutcome> {
    const base = this.settings.graphUrl.replace(/\/+$/, '');
    let res: Response;
    try {
      const token = await this.token();
      res = await fetch(`${base}/v1.0/users/${encodeURIComponent(personId)}/teamwork/installedApps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ 'teamsApp@odata.bind': `${base}/v1.0/appCatalogs/teamsApps/${encodeURIComponent(this.settings.catalogAppId)}` }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      return { kind: 'throttled', retryAfterSeconds: null }; // Graph or the token service out of reach: try again later
    }
    if (res.ok || res.status === 409) return { kind: 'requested' };
    if (res.status === 429 || res.status >= 500) return { kind: 'throttled', retryAfterSeconds: retryAfter(res) };
    if (res.status === 404) return { kind: 'not_licensed' };
    if (res.status === 403) return /licen[cs]/i.test(await errorText(res)) ? { kind: 'not_licensed' } : { kind: 'blocked' };
    throw new Error(`Microsoft Graph refused to install Weave with ${res.status}`);
  }
}
