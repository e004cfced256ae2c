// The deployable Function App: one bundled file that registers every declared function, and that
// refuses to start in Azure without bot credentials.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR, APP_ZIP, buildFunctionApp } from '../../functions/build';
import { FUNCTIONS } from '../../functions/declarations';

const run = promisify(execFile);
const AZURE_ENV = {
  WEAVE_TENANT_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  MicrosoftAppId: '9b2c4d6e-1a3b-4c5d-8e7f-a0b1c2d3e4f5',
  AzureWebJobsStorage__accountName: 'weavetest',
  AzureWebJobsStorage__credential: 'managedidentity',
  AzureWebJobsStorage__clientId: '9b2c4d6e-1a3b-4c5d-8e7f-a0b1c2d3e4f5',
};

async function loadBundle(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['-e', `require(${JSON.stringify(join(APP_DIR, 'index.cjs'))})`], { env: { PATH: process.env.PATH, ...env } });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('npm run build', () => {
  beforeAll(async () => {
    await buildFunctionApp();
  }, 60_000);

  it('registers every declared function from one bundled file', async () => {
    const { code, output } = await loadBundle(AZURE_ENV);
    expect(code).toBe(0);
    // Outside the Functions host, @azure/functions says which registrations it skipped.
    for (const f of FUNCTIONS) expect(output).toContain(`register function "${f.name}"`);
  });

  it('refuses to start in Azure mode without bot credentials', async () => {
    const { MicrosoftAppId: _, ...withoutBot } = AZURE_ENV;
    const { code, output } = await loadBundle(withoutBot);
    expect(code).not.toBe(0);
    expect(output).toContain('MicrosoftAppId is not set: Weave never runs as an anonymous bot in Azure');
  });

  it('zips what zip deploy needs at the root: host.json, package.json and the bundle', () => {
    const files = Object.keys(unzipSync(readFileSync(APP_ZIP)));
    expect(files).toEqual(expect.arrayContaining(['host.json', 'package.json', 'index.cjs']));
    expect(files.some((f) => f.includes('node_modules'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(APP_DIR, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('index.cjs');
  });
});
