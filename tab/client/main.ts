// The Weave tab: signs in (Teams SSO, or locally the dev sign-in), then shows the pages this person's
// roles allow — My plan for everyone, My team for line managers, Organisation for L&D admins —
// routed by the address's hash so the browser's back button and deep links work.
import type { DevSignInPerson, SessionView } from '../../api/shapes';
import { announce, h, replace } from './dom';
import { orgPage } from './pages/org';
import { planPage } from './pages/plan';
import { teamPage } from './pages/team';
import { ApiError, applyTheme, call, devSession, saveDevToken, savedDevToken, teamsSession, type Session } from './session';

const PAGE_TITLES = { me: 'My plan', team: 'My team', org: 'Organisation' } as const;
type Page = keyof typeof PAGE_TITLES;

const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;
const who = document.getElementById('who')!;

function routeOf(hash: string): { page: Page; personId: string | null } {
  const person = /^#\/people\/([0-9a-fA-F-]{1,64})$/.exec(hash);
  if (person) return { page: 'team', personId: person[1]! };
  const page = hash.replace(/^#\//, '');
  return { page: page === 'team' || page === 'org' ? page : 'me', personId: null };
}

function showError(err: unknown): void {
  const message = err instanceof ApiError ? err.message : 'Weave could not load this page. Try again in a moment.';
  replace(main, h('h1', {}, err instanceof ApiError && err.status === 403 ? 'Not for you' : 'Something went wrong'), h('p', { role: 'alert' }, message));
}

async function show(session: Session, me: SessionView): Promise<void> {
  const { page, personId } = routeOf(location.hash);
  const allowed = me.pages.includes(page) ? page : 'me';
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.page === allowed && !personId) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    if (personId) await planPage(main, session, personId);
    else if (allowed === 'team') await teamPage(main, session);
    else if (allowed === 'org') await orgPage(main, session);
    else await planPage(main, session, null);
    document.title = `${personId ? 'Plan' : PAGE_TITLES[allowed]} · Weave`;
    announce(`${document.title} loaded`);
  } catch (err) {
    showError(err);
  }
  main.focus();
}

async function start(session: Session): Promise<void> {
  const me = await call<SessionView>(session, 'session');
  replace(nav, me.pages.map((p) => h('li', {}, h('a', { href: `#/${p}`, 'data-page': p }, PAGE_TITLES[p]))));
  replace(who, me.name);
  if (me.devSignIn) {
    document.getElementById('dev-banner')!.hidden = false;
    who.append(' ', h('button', { type: 'button', class: 'link', onclick: () => { saveDevToken(null); location.reload(); } }, 'Switch person'));
  }
  window.addEventListener('hashchange', () => void show(session, me));
  await show(session, me);
}

/** Local development only: choose a demo person. The server offers this only in local mode. */
async function devSignIn(): Promise<void> {
  const res = await fetch('/api/tab/api/dev/sign-in').catch(() => null);
  if (!res?.ok) {
    replace(main, h('h1', {}, 'Open Weave in Teams'), h('p', {}, 'Weave signs you in with your Microsoft 365 account inside Teams.'));
    return;
  }
  document.getElementById('dev-banner')!.hidden = false;
  const people = (await res.json()) as DevSignInPerson[];
  const option = (p: DevSignInPerson, i: number) => h('option', { value: p.id, selected: i === 0 }, `${p.name}: ${p.jobTitle}${p.roles.length ? ` (${p.roles.join(', ')})` : ''}`);
  const featured = people.filter((p) => p.featured);
  const others = people.filter((p) => !p.featured);
  // The README's people first (the first chosen), so a newcomer can follow it without searching 41 names.
  const select = h('select', { id: 'dev-person' }, featured.length === 0 ? others.map(option) : [
    h('optgroup', { label: 'From the README' }, featured.map(option)),
    h('optgroup', { label: 'Everyone else on the roster' }, others.map((p) => option(p, -1))),
  ]);
  const form = h('form', { class: 'card sign-in', 'aria-labelledby': 'sign-in-heading' },
    h('h1', { id: 'sign-in-heading' }, 'Sign in as a demo person'),
    h('p', {}, 'On a developer’s machine you can be anyone on the demo roster, to see each view. In Teams, Weave uses your Microsoft 365 sign-in instead.'),
    h('label', { for: 'dev-person' }, 'Person'), select,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Sign in')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const signIn = async () => {
      const answer = await fetch('/api/tab/api/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: select.value }) });
      if (!answer.ok) throw new Error('The development sign-in did not answer: is the local stack still running?');
      const { token } = (await answer.json()) as { token: string };
      saveDevToken(token);
      await start(devSession(token));
    };
    signIn().catch(showError);
  });
  replace(main, form);
  select.focus();
}

async function boot(): Promise<void> {
  const params = new URLSearchParams(location.search);
  applyTheme(params.get('theme') ?? undefined);
  if (params.get('inTeams') === '1') return start(await teamsSession());
  const saved = savedDevToken();
  if (saved) {
    try {
      return await start(devSession(saved));
    } catch {
      saveDevToken(null); // expired, or the stack restarted with new keys
    }
  }
  return devSignIn();
}

boot().catch(showError);
