// What the README promises a newcomer: `npm start`, open the playground, and chat with Weave as a
// demo practitioner — install, greeting, help, profile — then Ctrl+C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loopbackPage } from '../support/browser';
import { freePort } from '../support/ports';

describe('npm start, as a newcomer meets it', () => {
  let stack: ChildProcess;
  let output = '';
  let browser: Browser;
  let page: Page;
  let playgroundPort: number;

  beforeAll(async () => {
    const [table, queue, bot, playground] = [await freePort(), await freePort(), await freePort(), await freePort()];
    playgroundPort = playground;
    stack = spawn('npm', ['start'], {
      env: {
        ...process.env, WEAVE_IN_MEMORY: '1', WEAVE_TABLE_PORT: String(table), WEAVE_QUEUE_PORT: String(queue), PORT: String(bot),
        PLAYGROUND_PORT: String(playground), PLAYGROUND_AS: 'practitioner', NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, like a terminal's foreground job
    });
    stack.stdout!.on('data', (d) => { output += d; });
    stack.stderr!.on('data', (d) => { output += d; });
    const deadline = Date.now() + 90_000;
    while (!output.includes('ready.')) {
      if (stack.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not become ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await launchBrowser();
    page = await loopbackPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    try {
      if (stack?.pid) process.kill(-stack.pid, 'SIGKILL');
    } catch { /* already gone */ }
  });

  const lastCard = () => page.locator('.ac-adaptiveCard').last();
  const say = async (text: string) => {
    const before = await page.locator('.ac-adaptiveCard').count();
    await page.getByRole('textbox').first().fill(text);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ac-adaptiveCard').count(), { timeout: 10_000 }).toBeGreaterThan(before);
  };

  it('starts the whole stack with the demo organisation, and says where everything is', () => {
    expect(output).toMatch(/storage\s+Azurite table :\d+, queue :\d+, in memory/);
    expect(output).toMatch(/bot\s+http:\/\/127\.0\.0\.1:\d+\/api\/messages/);
    expect(output).toContain('41 staff loaded from local/demo/roster.csv');
    expect(output).toContain(`playground http://localhost:${playgroundPort}  as Priya Shah`);
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

  it('stops everything it started on Ctrl+C', async () => {
    const exited = new Promise<void>((resolve) => stack.once('exit', () => resolve()));
    process.kill(-stack.pid!, 'SIGINT'); // what Ctrl+C does: the whole foreground process group
    await exited;
    await expect.poll(() => output, { timeout: 15_000 }).toMatch(/weave\s+stopped/);
    expect(output).not.toMatch(/Error|exited with code/);
    await expect(fetch(`http://localhost:${playgroundPort}`)).rejects.toThrow();
  }, 30_000);
});
