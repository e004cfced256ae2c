// `npm run docs:tab`: pictures of the Weave tab for the README — each page as its role sees it,
// with the demo organisation, on the real local host and Azurite, in Chromium.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../core/log';
import { startLocalHost } from '../functions/local/host';
import { startEmbeddedAzurite } from '../local/azurite';
import { loadDemoOrganisation } from '../local/demo/load';
import { personaByKey, README_PEOPLE } from '../local/demo/personas';
import { loadConfig } from '../runtime/config';
import { createRuntime } from '../runtime/runtime';
import { tabAssetsBuiltOnDemand } from '../tab/build';
import { launchBrowser, loopbackPage } from '../test/support/browser';

const OUT = fileURLToPath(new URL('./images/', import.meta.url));
const azurite = await startEmbeddedAzurite();
const config = loadConfig({ WEAVE_MODE: 'local', AzureWebJobsStorage: azurite.connectionString, WEAVE_STORAGE_PREFIX: 'shots' });
const rt = await createRuntime(config, { log: silentLogger, tabAssets: tabAssetsBuiltOnDemand(), devSignInFirst: README_PEOPLE });
await loadDemoOrganisation(rt, config.tenantId);
const host = await startLocalHost(rt, { port: 0, timers: false, queues: false });
const browser = await launchBrowser();
mkdirSync(OUT, { recursive: true });

const SHOTS = [
  { file: 'tab-my-plan', as: 'practitioner', hash: '#/me', theme: 'default', width: 1100 },
  { file: 'tab-my-team', as: 'manager', hash: '#/team', theme: 'default', width: 1100 },
  { file: 'tab-organisation', as: 'ld_admin', hash: '#/org', theme: 'default', width: 1100 },
  { file: 'tab-my-team-mobile-dark', as: 'manager', hash: '#/team', theme: 'dark', width: 360 },
] as const;

for (const shot of SHOTS) {
  const who = personaByKey(shot.as);
  const page = await loopbackPage(browser, { width: shot.width, height: 900 });
  await page.addInitScript((token) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('weave.devToken', token), rt.devSignIn!.sign(who.aadObjectId, who.name));
  await page.goto(`${host.url}/api/tab/?theme=${shot.theme}${shot.hash}`);
  await page.locator('main h1').filter({ hasNotText: 'Sign in' }).waitFor();
  await page.waitForLoadState('networkidle');
  if (shot.as === 'ld_admin') {
    // The composer with an offer filled in, so its live preview shows.
    await page.getByLabel('Title').fill('Family group conferences, together');
    await page.getByLabel('Description').fill('How each service prepares families for a conference. Open to every profession, qualified or not.');
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Date').fill(inDays(21));
    await page.getByLabel('Bookings close').fill(inDays(18));
    await page.getByLabel('Where').fill('Civic Centre, Room 3');
    await page.getByRole('group', { name: 'Areas of the Common Core' }).getByRole('checkbox', { name: /^CC5 / }).check();
    await page.locator('.preview .ac-adaptiveCard').waitFor();
  }
  await page.screenshot({ path: `${OUT}${shot.file}.png`, fullPage: shot.width > 400 });
  console.log(`wrote docs/images/${shot.file}.png`);
  await page.close();
}

await browser.close();
await host.stop();
await azurite.stop();
process.exit(0);
