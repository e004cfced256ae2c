// Every page of the tab as its people see it — the sign-in, My plan with the team's agreed
// priorities, My team with its form to agree them open, Organisation with this year's plan (its
// budget and line forms open, a line asking what it cost) and its offer composer filled in — in
// Teams' three themes, at desktop and at Teams mobile width: axe finds nothing serious or critical,
// nothing scrolls sideways, counts of people are whole, and loading leaves the console clean (no
// errors, no CSP violations, no failed requests: the favicon included).
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferPreview } from '../../api/shapes';
import { loadDemoOrganisation } from '../../local/demo/load';
import { README_PEOPLE } from '../../local/demo/personas';
import { personaByKey } from '../../local/demo/personas';
import { launchBrowser, plainPage } from '../support/browser';
import { startTestStack, testClock, type TestStack } from '../support/stack';

/** The page's globals, for code that runs in the browser (this project's types are Node's). */
type InPage = {
  sessionStorage: { setItem(k: string, v: string): void };
  document: {
    body: { className: string };
    documentElement: { scrollWidth: number; clientWidth: number };
    querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
  };
};

/**
 * Teams' themes. In Teams the tab takes the theme from teams-js (the context, then each change);
 * anywhere else from ?theme=. Both set the same class on <body> (session.ts applyTheme), so the
 * query draws exactly what Teams would.
 */
const THEMES = ['default', 'dark', 'contrast'] as const;
const WIDTHS = [1280, 360] as const;
/**
 * A theme changes colours only (a class on <body>; the page is the same), so beyond the default
 * theme axe's colour rules are the ones whose answer can change. Widths change layout, so both get
 * every rule in the default theme.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

type Persona = 'practitioner' | 'manager' | 'ld_admin';
/** Each page, and the buttons pressed (in order) so its forms are open when it is checked. */
const PAGES: readonly { name: string; as: Persona | null; hash: string; heading: string; open: readonly (string | RegExp)[] }[] = [
  { name: 'the sign-in', as: null, hash: '', heading: 'Sign in as a demo person', open: [] },
  { name: 'My plan', as: 'practitioner', hash: '#/me', heading: 'My plan', open: [] },
  { name: 'My team, agreeing its priorities', as: 'manager', hash: '#/team', heading: 'My team: PaCT', open: ['Change the team’s priorities'] },
  { name: 'Organisation, editing the year’s plan, then composing an offer there', as: 'ld_admin', hash: '#/org', heading: 'Organisation', open: ['Edit the budget', 'Add a line', /^Move to Delivered/] },
];

describe('the Weave tab is accessible in every theme and width', () => {
  let stack: TestStack;
  let browser: Browser;
  const clock = testClock('2026-11-23T10:00:00Z');
  const morgan = personaByKey('ld_admin');
  const dana = personaByKey('manager');

  beforeAll(async () => {
    stack = await startTestStack({ clock, tenantId: undefined, devSignInFirst: README_PEOPLE, queues: false });
    await loadDemoOrganisation(stack.rt, stack.tenantId, { yearPlan: false }); // the test decides the year's plan below
    // So Organisation has every table it can show: a trigger, and an offer on its way.
    await stack.rt.plans.saveTrigger({
      tenantId: stack.tenantId, triggerId: 'a11y-trigger', source: 'practice_review', codes: ['CC6', 'CC5'], teams: [], professions: [],
      summary: 'A rapid review found that what was known about a child was not shared between agencies before a strategy discussion.',
      dueDate: '2027-02-01', needsCreated: false, createdBy: morgan.aadObjectId, createdAt: '2026-11-20T09:00:00Z',
    });
    const as = (who: typeof morgan) => ({ authorization: `Bearer ${stack.rt.devSignIn!.sign(who.aadObjectId, who.name)}`, 'content-type': 'application/json' });
    const post = async <T>(who: typeof morgan, path: string, body: unknown): Promise<T> => {
      const res = await fetch(`${stack.host.url}/api/tab/api/${path}`, { method: 'POST', headers: as(who), body: JSON.stringify(body) });
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      return (await res.json()) as T;
    };
    // So the year's plan has every part to show: the team's agreed priorities, a budget, and a line
    // the offer below is made from.
    await post(dana, 'team/agreement', { seenVersion: null, priorities: [
      { code: 'CC3', why: 'Court work is where the team feels least sure.', term: 'Summer 2027' },
      { code: 'CC5', why: 'Strategy meetings go better when we know each agency.', term: 'Spring 2027' },
    ] });
    await post(morgan, 'org/budget', { etag: null, lines: [{ name: 'Workforce development grant', pounds: '25,000' }] });
    const line = await post<{ id: string }>(morgan, 'org/lines', { lineId: null, etag: null, values: {
      title: 'Sharing information well', code: 'CC6', format: 'bite_size_workshop', professions: '', services: '', teams: '', registration: 'any',
      providerKind: 'external', providerPeople: '', providerName: 'Research in Practice', places: '12', estimated: '1,200', budgetLine: 'Workforce development grant',
    } });
    const auth = as(morgan);
    const values = { title: 'Sharing information well: a multi-agency workshop for every profession', description: 'Practice, not policy.', format: 'bite_size_workshop', date: '2026-12-10', time: '10:00', durationMinutes: '90', location: 'Civic Centre, Room 3', onlineUrl: '', capacity: '12', cpdHours: '1.5', closesOn: '2026-12-08', codes: 'CC6,CC5', professions: '', teams: '', registration: 'any', withNeed: 'false' };
    const preview = (await (await fetch(`${stack.host.url}/api/tab/api/offers/preview`, { method: 'POST', headers: auth, body: JSON.stringify({ values, line: line.id }) })).json()) as OfferPreview;
    const sent = await fetch(`${stack.host.url}/api/tab/api/offers`, { method: 'POST', headers: auth, body: JSON.stringify({ values, line: line.id, digest: preview.digest, sendAt: null }) });
    expect(sent.status).toBe(200);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** What went wrong while the page loaded and was used: console errors (CSP violations are), failed and refused requests. */
  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (err) => problems.push(`script: ${err.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    return problems;
  }

  async function seriousViolations(page: Page, theme: string, within?: string): Promise<string[]> {
    // The tab has no frames, so axe can run in the page itself (legacy mode) instead of opening a
    // blank page to assemble each frame's results: most of its time on the smaller pages.
    const axe = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
    if (theme !== 'default') axe.withRules(COLOUR_RULES);
    if (within) axe.include(within);
    const { violations } = await axe.analyze();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join(' | ')}`);
  }

  /** Axe at each width, and no sideways scrolling at any. */
  async function checkWidths(page: Page, theme: string, within?: string): Promise<void> {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const where = `${within ?? 'page'} at ${width} px`;
      expect(await seriousViolations(page, theme, within), where).toEqual([]);
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const { scrollWidth, clientWidth } = (globalThis as unknown as InPage).document.documentElement;
        return { scrollWidth, clientWidth };
      });
      expect(scrollWidth, `${where}: scrolls sideways`).toBeLessThanOrEqual(clientWidth);
    }
  }

  async function compose(page: Page): Promise<void> {
    await page.getByLabel('Title').fill('Family group conferences, together');
    await page.getByLabel('Description').fill('How each service prepares families for a conference.');
    await page.getByLabel('Date').fill('2026-12-10');
    await page.getByLabel('Bookings close').fill('2026-12-08');
    await page.getByLabel('Where').fill('Civic Centre, Room 3');
    const areas = page.getByRole('group', { name: 'Areas of the Common Core' });
    await areas.getByLabel('Filter').fill('multi-agency');
    await areas.getByRole('checkbox', { name: /^CC5 / }).check();
    await page.locator('.preview .ac-adaptiveCard').waitFor();
  }

  describe.each(THEMES)('in the %s theme', (theme) => {
    it.each(PAGES)('$name', async ({ as, hash, heading, open }) => {
      const page = await plainPage(browser, { width: WIDTHS[0], height: 900 });
      const problems = watch(page);
      try {
        if (as) {
          const who = personaByKey(as);
          await page.addInitScript((t) => (globalThis as unknown as InPage).sessionStorage.setItem('weave.devToken', t), stack.rt.devSignIn!.sign(who.aadObjectId, who.name));
        }
        await page.goto(`${stack.host.url}/api/tab/?theme=${theme}${hash}`);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
        // A page announces itself once everything it shows has arrived.
        if (as) await expect.poll(() => page.locator('#status').textContent()).toMatch(/loaded$/);
        expect(await page.evaluate(() => (globalThis as unknown as InPage).document.body.className)).toBe(`theme-${theme}`);
        for (const name of open) await page.getByRole('button', { name }).click();
        await checkWidths(page, theme);
        // Counts of people (and shares of them) are whole numbers.
        const figures = await page.evaluate(() => Array.from((globalThis as unknown as InPage).document.querySelectorAll('td.num'), (td) => td.textContent ?? ''));
        expect(figures.filter((f) => /\d[.,]\d/.test(f))).toEqual([]);

        if (as === 'ld_admin') {
          // The rest of the page is as checked: the composer, filled in, with the card's preview.
          await compose(page);
          await checkWidths(page, theme, '.composer');
        }
        expect(problems).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  });
});
