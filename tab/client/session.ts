// Who is signed in, and calls to Weave's API with their token. In Teams the token comes from SSO
// (authentication.getAuthToken); on a developer's machine from the dev sign-in, which the server
// offers only in local mode.

export type Theme = 'default' | 'dark' | 'contrast';

export interface Session {
  token: () => Promise<string>;
  inTeams: boolean;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly errors: string[] = []) {
    super(message);
  }
}

const API = '/api/tab/api';
const DEV_TOKEN = 'weave.devToken';

export function applyTheme(theme: string | undefined): void {
  const t: Theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  document.body.classList.remove('theme-default', 'theme-dark', 'theme-contrast');
  document.body.classList.add(`theme-${t}`);
}

/**
 * Inside Teams: initialise, follow the Teams theme, and sign in silently with SSO. teams-js is
 * loaded only here: on loading it fetches Microsoft's list of valid host origins from a CDN, which
 * a page outside Teams (the dev sign-in) has no use for.
 */
export async function teamsSession(): Promise<Session> {
  const { app, authentication } = await import('@microsoft/teams-js');
  await app.initialize();
  const context = await app.getContext();
  applyTheme(context.app.theme);
  app.registerOnThemeChangeHandler(applyTheme);
  // A deep link from a card (core/tabLink.ts) names the page as its subEntityId; the router reads the hash.
  const page = context.page.subPageId;
  if (page && /^[a-z]{1,16}$/.test(page) && !location.hash) location.hash = `#/${page}`;
  await app.notifySuccess();
  return { inTeams: true, token: () => authentication.getAuthToken() };
}

export function devSession(token: string): Session {
  return { inTeams: false, token: () => Promise.resolve(token) };
}

export function savedDevToken(): string | null {
  return sessionStorage.getItem(DEV_TOKEN);
}

export function saveDevToken(token: string | null): void {
  if (token) sessionStorage.setItem(DEV_TOKEN, token);
  else sessionStorage.removeItem(DEV_TOKEN);
}

type Answer = { error?: string; errors?: string[] };

const refusal = (status: number, data: Answer) => new ApiError(status, data.error ?? data.errors?.join(' ') ?? `Weave answered ${status}.`, data.errors ?? []);

export async function call<T>(session: Session | null, path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${await session.token()}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${API}/${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const data = (await res.json().catch(() => ({}))) as Answer;
  if (!res.ok) throw refusal(res.status, data);
  return data as T;
}

/**
 * Fetches a file the API answers only to the signed-in caller (with their token, as every call) and
 * saves it from memory: there is never a link that someone else could open. Answers the file's name.
 */
export async function saveFile(session: Session, path: string): Promise<string> {
  const res = await fetch(`${API}/${path}`, { headers: { authorization: `Bearer ${await session.token()}` } });
  if (!res.ok) throw refusal(res.status, (await res.json().catch(() => ({}))) as Answer);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'weave-download';
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; the memory can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
