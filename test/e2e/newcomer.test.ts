// What the README promises a newcomer: `npm start`, open the playground, and chat with Weave as a
// demo practitioner — install, greeting, help, profile — then Ctrl+C stops everything.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loopbackPage } from '../support/browser';
import { npmStart, type NpmStart } from '../support/npmStart';

describe('npm start, as a newcomer meets it', () => {
  let stack: NpmStart;
  let browser: Browser;
  let page: Page;
  let playgroundPort: number;
  const output = () => stack.output();

  beforeAll(async () => {
    stack = await npmStart('practitioner');
    playgroundPort = stack.ports.playground;
    browser = await launchBrowser();
    page = await loopbackPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    stack?.kill();
  });

  const lastCard = () => page.locator('.ac-adaptiveCard').last();
  const say = async (text: string) => {
    const before = await page.locator('.ac-adaptiveCard').count();
    await page.getByRole('textbox').first().fill(text);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ac-adaptiveCard').count(), { timeout: 10_000 }).toBeGreaterThan(before);
  };

  it('starts the whole stack with the demo organisation, and says where everything is', () => {
    expect(output()).toMatch(/storage\s+Azurite table :\d+, queue :\d+, in memory/);
    expect(output()).toMatch(/bot\s+http:\/\/127\.0\.0\.1:\d+\/api\/messages/);
    expect(output()).toContain('41 staff loaded from local/demo/roster.csv');
    expect(output()).toContain(`playground http://localhost:${playgroundPort}  as Priya Shah`);
  });

  it('greets Priya by name when the playground opens', async () => {
    await page.goto(`http://localhost:${playgroundPort}`);
    await expect.poll(() => page.locator('.ac-adaptiveCard').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await lastCard().innerText()).toContain('Welcome to Weave, Priya');
  }, 30_000);

  it('answers help with a card of what she can do', async () => {
    await say('help');
    const text = await lastCard().innerText();
    expect(text).toContain('What you can do, Priya');
    expect(text).toContain('profile');
  }, 20_000);

  it('shows her profile from HR and saves her settings', async () => {
    await say('profile');
    const card = lastCard();
    expect(await card.innerText()).toContain('Social Work England, SW188402');
    await card.getByRole('textbox', { name: /Preferred name/ }).fill('Pri');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => lastCard().innerText(), { timeout: 10_000 }).toContain('Saved.');
  }, 30_000);

  it('stops everything it started on Ctrl+C, and frees its ports', async () => {
    stack.processes();
    process.kill(-stack.child.pid!, 'SIGINT'); // what Ctrl+C does: the whole foreground process group
    await expect.poll(() => stack.stopped(), { timeout: 10_000, interval: 100 }).toBe(true);
    expect(output()).toMatch(/weave\s+stopped/);
    expect(output()).not.toMatch(/Error|exited with code|warning/i);
  }, 20_000);
});
