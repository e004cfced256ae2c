// The Teams app package: the manifest against Microsoft's official schema (offline, as bundled by
// @microsoft/app-manifest), icons Teams will accept, a command list the bot really answers, and
// a zip laid out the way Teams reads it.
import { createRequire } from 'node:module';
import { ManifestUtil } from '@microsoft/app-manifest';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { additionalLanguages, appPackage, idsFromEnv, localizationFile } from '../../manifest/appPackage';
import { buildManifest, MANIFEST_VERSION, readStrings, type ManifestIds } from '../../manifest/manifest';
import { decodePng } from '../support/png';
import { activityOptions, hrRecord, startTestStack, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const require = createRequire(import.meta.url);
/** One of the official manifest JSON schemas that ship with @microsoft/app-manifest. */
const schemaFile = (name: string) => require(`@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}/${name}`) as Parameters<typeof ManifestUtil.validateManifestAgainstSchema>[1];

const IDS: ManifestIds = {
  teamsAppId: '2b1f5e8c-4d3a-4f6b-9c7d-1e2f3a4b5c6d',
  botId: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d',
  host: 'weave-test.azurewebsites.net',
  tabClientId: '4c3b2a19-8f7e-4d6c-9b5a-3e2d1c0b9a87',
  version: '1.2.3',
};

describe('the Teams app package', () => {
  const files = unzipSync(appPackage(IDS));
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as ReturnType<typeof buildManifest>;

  it('has the manifest and both icons at the root of the zip, and nothing else', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png', ...additionalLanguages().map((l) => `${l}.json`)].sort());
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it("passes Microsoft's manifest schema, offline", async () => {
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(await ManifestUtil.validateManifestAgainstSchema(manifest, schemaFile('MicrosoftTeams.schema.json'))).toEqual([]);
  });

  it('fills every id from the deployment, and serves its own about, privacy and terms pages', () => {
    expect(manifest).toMatchObject({
      id: IDS.teamsAppId, version: IDS.version,
      bots: [{ botId: IDS.botId, scopes: ['personal', 'team'] }],
      validDomains: [IDS.host],
      staticTabs: [{ entityId: 'weave', contentUrl: `https://${IDS.host}/api/tab/?inTeams=1`, scopes: ['personal'] }],
      webApplicationInfo: { id: IDS.tabClientId, resource: `api://${IDS.host}/${IDS.tabClientId}` },
      developer: { privacyUrl: `https://${IDS.host}/api/pages/privacy`, termsOfUseUrl: `https://${IDS.host}/api/pages/terms` },
    });
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{|\}\}|undefined/);
  });

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    const color = decodePng(files['color.png']!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(files['outline.png']!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let drawn = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) transparent += 1;
      else {
        drawn += 1;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
    }
    expect(outline.pixels[3]).toBe(0); // the corner: the background is transparent
    expect(transparent).toBeGreaterThan(100);
    expect(drawn).toBeGreaterThan(100);
  });

  it('writes localization files that pass the localization schema, for any language added to manifest/strings', () => {
    // The localization schema has a pattern JavaScript's unicode regular expressions reject (a lone
    // "]"), so this one is checked without the u flag; ManifestUtil always sets it.
    const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    const validate = ajv.compile(schemaFile('MicrosoftTeams.Localization.schema.json'));
    expect(validate(localizationFile(readStrings('en-gb'))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses to package without the deployment ids, naming each one missing', () => {
    const missing = idsFromEnv({ TEAMS_APP_ID: 'not-a-guid' }, false);
    expect('missing' in missing && missing.missing.map((m) => m.split(':')[0])).toEqual(['TEAMS_APP_ID', 'MicrosoftAppId', 'WEAVE_PUBLIC_HOST', 'WEAVE_TAB_CLIENT_ID']);
  });
});

describe('the command menu', () => {
  let stack: TestStack;
  const ana = teams.testUser('Ana Costa', 'ana.costa@example.org');
  const manifest = buildManifest(IDS);
  beforeAll(async () => {
    stack = await startTestStack();
    await stack.seed([hrRecord(ana, { roles: ['practitioner', 'manager', 'ld_admin'] })]);
  });
  afterAll(async () => stack?.stop());

  const commandsFor = (scope: string) => manifest.bots![0]!.commandLists!.find((l) => l.scopes.includes(scope as never))!.commands;

  it('lists only commands the bot answers in a 1:1 chat', async () => {
    for (const { title } of commandsFor('personal')) {
      const { texts, cards } = await stack.message(ana, title);
      expect(texts.join(' '), title).not.toMatch(/didn't catch that|only works in your 1:1/);
      expect(texts.length + cards.length, title).toBeGreaterThan(0);
    }
  });

  it('lists only commands the bot answers in a team channel', async () => {
    const team = teams.testTeam('PaCT');
    for (const { title } of commandsFor('team')) {
      const before = stack.connector.to(team.id).length;
      await stack.post(teams.channelMessage(ana, team, title, activityOptions(stack)));
      const replies = stack.connector.to(team.id).slice(before);
      expect(replies.length, title).toBeGreaterThan(0);
      expect(JSON.stringify(replies.map((r) => r.activity.text)), title).not.toMatch(/didn't catch that|only works in your 1:1/);
    }
  });
});

describe('the pages the manifest links to', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.stop());

  it('are served as HTML by the Function App', async () => {
    for (const page of ['about', 'privacy', 'terms']) {
      const res = await fetch(`${stack.host.url}/api/pages/${page}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('<h1>');
    }
    expect((await fetch(`${stack.host.url}/api/pages/constructor`)).status).toBe(404);
  });
});
