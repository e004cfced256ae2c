// The contract between the code and infra/main.bicep: every setting the app needs is set, none it
// must never have is, every table and queue it uses exists; and no secret is in the repository.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_SETTINGS } from '../../local/settings';
import { AZURE_APP_SETTINGS, AZURITE_KEY, NEVER_IN_AZURE, SETTINGS, SETTINGS_READ } from '../../runtime/config';
import { QUEUES, poisonQueueName } from '../../store/queues';
import { TABLES } from '../../store/tables';

const ROOT = join(__dirname, '..', '..');
const bicep = readFileSync(join(ROOT, 'infra', 'main.bicep'), 'utf8');
const appSettings = [...bicep.matchAll(/\{ name: '([^']+)', value: /g)].map((m) => m[1]!);
const listVar = (name: string) => {
  const m = new RegExp(`var ${name} = \\[([^\\]]*)\\]`).exec(bicep);
  return [...(m?.[1] ?? '').matchAll(/'([^']+)'/g)].map((x) => x[1]!);
};

/** Platform settings the Functions host and Application Insights read, not Weave. */
const PLATFORM = ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'];

describe('infra/main.bicep and the code agree', () => {
  it('sets every app setting Weave needs in Azure', () => {
    expect(AZURE_APP_SETTINGS.filter((s) => !appSettings.includes(s))).toEqual([]);
  });

  it('sets nothing Weave does not read, and never a key or a secret', () => {
    expect(appSettings.filter((s) => !(s in SETTINGS) && !PLATFORM.includes(s))).toEqual([]);
    expect(appSettings.filter((s) => (NEVER_IN_AZURE as readonly string[]).includes(s))).toEqual([]);
  });

  it('knows every setting the code reads', () => {
    expect(SETTINGS_READ.filter((s) => !(s in SETTINGS) && !(s in LOCAL_SETTINGS) && !s.startsWith('AzureWebJobsStorage__'))).toEqual([]);
    const sources = execFileSync('git', ['ls-files', 'core', 'store', 'bot', 'graph', 'app', 'cards', 'functions', 'jobs', 'runtime', 'pages', 'admin', 'views', 'documents'], { cwd: ROOT }).toString().split('\n')
      .filter((f) => f.endsWith('.ts') && !f.startsWith('functions/local/') && f !== 'functions/build.ts'); // what Azure runs
    const direct = sources.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/process\.env\.(\w+)/g)].map((m) => `${f}: ${m[1]}`));
    expect(direct).toEqual([]); // settings are read in runtime/config.ts, through its schema, and nowhere else
  });

  it('provisions every table and queue the code uses', () => {
    expect(listVar('tableNames').sort()).toEqual(Object.values(TABLES).sort());
    expect(listVar('queueNames').sort()).toEqual(Object.values(QUEUES).flatMap((q) => [q, poisonQueueName(q)]).sort());
  });

  it('keeps storage keyless, the bot on the managed identity, and Teams the only channel', () => {
    expect(bicep).toMatch(/allowSharedKeyAccess: false/);
    expect(bicep).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bicep).toMatch(/msaAppMSIResourceId: identity\.id/);
    expect([...bicep.matchAll(/channelName: '(\w+)'/g)].map((m) => m[1])).toEqual(['MsTeamsChannel']);
    expect(bicep).toMatch(/endpoint: 'https:\/\/\$\{app\.properties\.defaultHostName\}\/api\/messages'/);
    expect(bicep).toMatch(/name: 'FC1'[\s\S]*tier: 'FlexConsumption'/);
    // Node 20 left support in April 2026: Azure runs the current LTS.
    expect(Number(/runtime: \{\s*name: 'node'\s*version: '(\d+)'/.exec(bicep)?.[1])).toBeGreaterThanOrEqual(22);
  });
});

describe('the repository', () => {
  const SECRET_PATTERNS: [string, RegExp][] = [
    ['a storage account key', /AccountKey=([A-Za-z0-9+/=]{40,})/g],
    ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/g],
    ['an Entra client secret', /\b[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}\b/g],
    ['an Application Insights key', /InstrumentationKey=[0-9a-f-]{36}/gi],
    ['a SAS signature', /[?&]sig=[A-Za-z0-9%]{30,}/g],
    ['a bot password', /MicrosoftAppPassword\s*[:=]\s*['"][^'"\s]{8,}['"]/g],
  ];

  it('holds no secret', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT }).toString().split('\n')
      .filter((f) => f && !/\.(png|zip)$/.test(f) && f !== 'package-lock.json');
    const found: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        continue;
      }
      for (const [what, pattern] of SECRET_PATTERNS) {
        for (const m of text.matchAll(pattern)) {
          if (what === 'a storage account key' && m[1] === AZURITE_KEY) continue; // Azurite's published development key
          found.push(`${file}: ${what}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
