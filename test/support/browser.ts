// Debian's Chromium driven by playwright-core, shut off from everything but loopback.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Every host name but loopback's fails to resolve, so nothing a page asks for leaves this machine. */
const LOOPBACK_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', LOOPBACK_ONLY],
  });
}

const PAGE_OPTIONS = { locale: 'en-GB', timezoneId: 'Europe/London' };

/** A page that can reach only this machine (the playground asks a CDN for fonts). */
export async function loopbackPage(browser: Browser, viewport = { width: 1280, height: 1000 }): Promise<Page> {
  const page = await browser.newPage({ viewport, ...PAGE_OPTIONS });
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
  });
  return page;
}

/**
 * A page whose requests are not intercepted, so the browser behaves as it does for a person (with
 * interception on, Chromium never asks for a favicon, say); the launch's host rules still keep it on
 * loopback. In a context of its own, so no storage carries over from another page: close that when done.
 */
export async function plainPage(browser: Browser, viewport = { width: 1280, height: 1000 }): Promise<Page> {
  const context = await browser.newContext({ viewport, ...PAGE_OPTIONS });
  return context.newPage();
}
