// The Weave tab in Chromium against the real local host and Azurite, with the demo organisation:
// each page for its role, the composer's preview against the card actually sent, and a
// practitioner kept out of someone else's plan in the page and in the API.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personaByKey } from '../../local/demo/personas';
import { loadDemoOrganisation } from '../../local/demo/load';
import { README_PEOPLE } from '../../local/demo/personas';
import { launchBrowser, loopbackPage } from '../support/browser';
import { startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

/** The page's globals, for code that runs in the browser (this project's types are Node's). */
type InPage = {
  sessionStorage: { setItem(k: string, v: string): void; getItem(k: string): string | null; clear(): void };
  document: { body: { className: string }; documentElement: { scrollWidth: number }; querySelectorAll(s: string): ArrayLike<{ labels?: { length: number } | null }> };
  fetch: typeof fetch;
};

const priya = personaByKey('practitioner');
const dana = personaByKey('manager');
const morgan = personaByKey('ld_admin');

describe('the Weave tab in a browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  const clock = testClock('2026-11-23T10:00:00Z');

  beforeAll(async () => {
    stack = await startTestStack({ clock, tenantId: undefined, devSignInFirst: README_PEOPLE });
    await loadDemoOrganisation(stack.rt, stack.tenantId);
    await stack.install(teams.testUser(priya.name, priya.email, priya.aadObjectId)); // so she can receive the offer
    browser = await launchBrowser();
    page = await loopbackPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const heading = () => page.getByRole('heading', { level: 1 }).textContent();
  const navLinks = () => page.getByRole('navigation', { name: 'Weave pages' }).getByRole('link').allTextContents();

  async function signInAs(name: string) {
    await page.goto(`${stack.host.url}/api/tab/`);
    await page.evaluate(() => (globalThis as unknown as InPage).sessionStorage.clear());
    await page.reload();
    await expect.poll(() => heading()).toBe('Sign in as a demo person');
    await expect.poll(() => page.locator('#dev-banner').isVisible()).toBe(true);
    const person = page.getByLabel('Person', { exact: true });
    await person.selectOption({ label: (await person.locator('option', { hasText: name }).first().textContent())! });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#who').textContent()).toContain(name);
  }

  it('offers the README’s three people first in the dev sign-in, Priya chosen, with roles in words', async () => {
    await page.goto(`${stack.host.url}/api/tab/`);
    await page.evaluate(() => (globalThis as unknown as InPage).sessionStorage.clear());
    await page.reload();
    const person = page.getByLabel('Person', { exact: true });
    await expect.poll(() => person.inputValue()).toBe(priya.aadObjectId);
    const first = person.locator('optgroup').first();
    expect(await first.getAttribute('label')).toBe('From the README');
    expect(await first.locator('option').allTextContents()).toEqual([
      'Priya Shah: Social Worker (ASYE)', expect.stringMatching(/^Dana Hughes: .* \(Line manager\)$/), 'Morgan Ellis: Workforce Development Lead (L&D admin)',
    ]);
    expect((await person.locator('option').allTextContents()).filter((t) => /_|ld admin/.test(t))).toEqual([]);
  });

  it('shows a practitioner their own plan and nothing else, in the page and in the API', async () => {
    await signInAs(priya.name);
    await expect.poll(() => heading()).toBe('My plan');
    expect(await navLinks()).toEqual(['My plan']);
    await expect.poll(() => page.getByRole('heading', { name: /^Learning Development Plan/ }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'CPD record and registration' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Export my CPD record' }).count()).toBe(1);

    // Her career pathway, hers alone: she chooses where she would like to go, and adds the next step to her plan.
    const pathway = page.getByRole('region', { name: 'Career pathway' });
    await pathway.getByLabel('Where you would like to go').selectOption('senior-practitioner');
    await pathway.getByLabel('Let my line manager see where I would like to go').uncheck();
    await pathway.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => pathway.textContent()).toContain('Saved. Only you can see it.');
    await pathway.getByRole('button', { name: 'Add the next step to my plan' }).click();
    await expect.poll(() => pathway.textContent()).toContain('The next step is in your plan.');
    expect((await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).some((n) => n.source === 'pathway')).toBe(true);
    expect((await stack.rt.aspirations.get(stack.tenantId, priya.aadObjectId))?.shareWithManager).toBe(false);

    await page.goto(`${stack.host.url}/api/tab/#/org`);
    await expect.poll(() => heading()).toBe('My plan'); // not her page: she lands on her own plan

    await page.goto(`${stack.host.url}/api/tab/#/people/${dana.aadObjectId}`);
    await expect.poll(() => heading()).toBe('Not for you');
    expect(await page.getByRole('alert').textContent()).toContain('Only the person, their line manager and their professional supervisor can see a plan.');

    const status = await page.evaluate(async (id) => {
      const w = globalThis as unknown as InPage;
      const res = await w.fetch(`/api/tab/api/people/${id}/plan`, { headers: { authorization: `Bearer ${w.sessionStorage.getItem('weave.devToken')}` } });
      return res.status;
    }, dana.aadObjectId);
    expect(status).toBe(403);
  });

  it('shows a line manager their team plan and their reports, and a report’s plan', async () => {
    await signInAs(dana.name);
    expect(await navLinks()).toEqual(['My plan', 'My team']);
    await page.getByRole('link', { name: 'My team' }).click();
    await expect.poll(() => heading()).toBe('My team: PaCT');
    expect(await page.getByRole('heading', { name: 'Team training plan' }).count()).toBe(1);
    const report = page.getByRole('article', { name: priya.name });
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.textContent()).toContain('Next supervision');
    await report.getByRole('link', { name: priya.name }).click();
    await expect.poll(() => heading()).toBe(`${priya.name}'s plan`);
    expect(await page.getByText('You see this as their line manager or supervisor.').count()).toBe(1);
  });

  it('fits Teams mobile width without scrolling sideways', async () => {
    const phone = await loopbackPage(browser, { width: 360, height: 740 });
    await phone.addInitScript((t) => (globalThis as unknown as InPage).sessionStorage.setItem('weave.devToken', t), stack.rt.devSignIn!.sign(dana.aadObjectId, dana.name));
    await phone.goto(`${stack.host.url}/api/tab/?theme=dark#/team`);
    await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toBe('My team: PaCT');
    expect(await phone.evaluate(() => (globalThis as unknown as InPage).document.body.className)).toContain('theme-dark');
    expect(await phone.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.close();
  });

  it('shows L&D the organisation, and sends exactly the card its composer previewed', async () => {
    await signInAs(morgan.name);
    expect(await navLinks()).toEqual(['My plan', 'Organisation']);
    await page.getByRole('link', { name: 'Organisation' }).click();
    await expect.poll(() => heading()).toBe('Organisation');
    for (const caption of ['By profession', 'Registered with a regulator, or not', 'By team']) {
      expect(await page.locator('table.bars caption', { hasText: caption }).count()).toBe(1);
    }
    // Every form control has a label people and screen readers can see.
    const unlabelled = await page.evaluate(() => Array.from((globalThis as unknown as InPage).document.querySelectorAll('form.compose input, form.compose select, form.compose textarea')).filter((el) => el.labels?.length === 0).length);
    expect(unlabelled).toBe(0);

    const previews: Promise<unknown>[] = [];
    const asked: { values: Record<string, string> }[] = [];
    page.on('response', (r) => {
      if (!r.url().endsWith('/offers/preview')) return;
      previews.push(r.json());
      asked.push(r.request().postDataJSON() as { values: Record<string, string> });
    });
    await page.getByLabel('Title').fill('Family group conferences, together');
    await page.getByLabel('Description').fill('How each service prepares families for a conference. Open to every profession, qualified or not.');
    await page.getByLabel('Date').fill('2026-12-10');
    await page.getByLabel('Bookings close').fill('2026-12-08');
    await page.getByLabel('Where').fill('Civic Centre, Room 3');
    // The areas by keyboard alone: filter, down into the list, Space to choose.
    const areas = page.getByRole('group', { name: 'Areas of the Common Core' });
    expect(await areas.getByRole('checkbox').count()).toBe(38);
    await areas.getByLabel('Filter').fill('multi-agency');
    expect(await areas.locator('li:not([hidden])').allTextContents()).toEqual(['CC5 Multi-agency working']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => areas.getByText(/chosen$/).textContent()).toBe('1 chosen');
    expect(await areas.getByRole('checkbox', { name: 'CC5 Multi-agency working' }).isChecked()).toBe(true);
    await page.getByRole('group', { name: /^Teams/ }).getByRole('checkbox', { name: 'PaCT' }).check();
    // Places by application, allocated when they close; the preview says who would have them.
    await page.getByLabel('How places go').selectOption('applications');
    const reach = page.getByRole('region', { name: 'Who would have the places' });
    await expect.poll(() => reach.textContent()).toContain('If everyone it goes to applied');
    const send = page.getByRole('button', { name: 'Send now' });
    await expect.poll(() => send.isEnabled()).toBe(true);
    // The API gets the same values a multiple select gave it: chosen codes, comma-separated.
    expect(asked.at(-1)?.values).toMatchObject({ codes: 'CC5', teams: 'PaCT', professions: '' });
    // What the page shows is the last preview it asked for.
    const preview = (await previews.at(-1)) as { card: Record<string, unknown>; audience: string };
    const region = page.getByRole('region', { name: 'Preview of the card recipients get' });
    await expect.poll(() => region.textContent()).toContain('Family group conferences, together');
    expect(await region.textContent()).toContain('Places are allocated when applications close');
    expect(await region.locator('.ac-adaptiveCard').count()).toBe(1);
    expect(await page.getByText(preview.audience).count()).toBe(1);

    await send.click();
    await expect.poll(() => page.locator('table.list', { hasText: 'Family group conferences, together' }).count()).toBe(1);
    await stack.drainOutbox(20_000);
    const offer = (await stack.rt.offers.list(stack.tenantId)).find((o) => o.title === 'Family group conferences, together')!;
    expect(offer.allocation.mode).toBe('applications');
    expect(preview.audience).toBe(`It goes to ${offer.audienceSize} people.`);
    const sent = stack.connector.to(teams.personalConversationId(teams.testUser(priya.name, priya.email, priya.aadObjectId)))
      .flatMap((a) => (a.activity.attachments as { content: Record<string, unknown> }[] | undefined) ?? [])
      .map((a) => a.content).find((c) => JSON.stringify(c).includes('Family group conferences'));
    expect(sent).toBeDefined();
    // The same card, but for the ids that exist only once it is sent: the card's own and the offer's.
    const normalise = (card: unknown, ids: string[]) => ids.reduce((text, id) => text.split(id).join('<id>'), JSON.stringify(card));
    const sentCardId = /"cardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(sent))![1]!;
    const previewOfferId = /\/api\/offers\/([0-9a-f-]{36})\/event\.ics/.exec(JSON.stringify(preview.card))![1]!;
    expect(normalise(sent, [sentCardId, offer.offerId])).toBe(normalise(preview.card, ['00000000-0000-4000-8000-000000000000', previewOfferId]));
  });
});
