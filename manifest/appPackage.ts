// `npm run package`: the Teams app package (appPackage.zip) an organisation uploads to Teams.
// Ids come from the environment (the deployment's outputs); `--local` fills development ones.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { isGuid } from '../core/validation';
import { buildManifest, DEFAULT_LANGUAGE, MANIFEST_VERSION, readStrings, type ManifestIds, type Strings } from './manifest';

const LOCALIZED_KEYS = ['name.short', 'name.full', 'description.short', 'description.full'] as const;

/** Languages besides the default that have a strings file in manifest/strings. */
export function additionalLanguages(): string[] {
  return readdirSync(new URL('./strings/', import.meta.url))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .filter((tag) => tag !== DEFAULT_LANGUAGE)
    .sort();
}

/** A Teams localization file: the same strings in another language. */
export function localizationFile(strings: Strings): Record<string, string> {
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
    ...Object.fromEntries(LOCALIZED_KEYS.map((k) => [k, strings[k]])),
  };
}

export function appPackage(ids: ManifestIds): Uint8Array {
  const manifest = buildManifest(ids);
  const languages = additionalLanguages();
  if (languages.length > 0) {
    manifest.localizationInfo = {
      defaultLanguageTag: DEFAULT_LANGUAGE,
      additionalLanguages: languages.map((tag) => ({ languageTag: tag, file: `${tag}.json` })),
    };
  }
  const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  return zipSync({
    'manifest.json': json(manifest),
    'color.png': readFileSync(new URL('./color.png', import.meta.url)),
    'outline.png': readFileSync(new URL('./outline.png', import.meta.url)),
    ...Object.fromEntries(languages.map((tag) => [`${tag}.json`, json(localizationFile(readStrings(tag)))])),
  }, { level: 9 });
}

const DEV_IDS = {
  teamsAppId: '5f0c3b2a-7d4e-4c1b-9a8f-0e1d2c3b4a59',
  botId: '00000000-0000-4000-8000-00000000b07d',
  tabClientId: '00000000-0000-4000-8000-0000000007ab',
  host: 'localhost',
};

/** The deployment's ids from the environment, or every missing one named. */
export function idsFromEnv(env: NodeJS.ProcessEnv, local: boolean): ManifestIds | { missing: string[] } {
  const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  if (local) return { ...DEV_IDS, version };
  const wanted = {
    TEAMS_APP_ID: 'the Teams app id (a GUID you choose once, e.g. from `uuidgen`)',
    MicrosoftAppId: "the bot's id (the botId output of the Bicep deployment)",
    WEAVE_PUBLIC_HOST: "the Function App's host name (the host output, e.g. weave-prod.azurewebsites.net)",
    WEAVE_TAB_CLIENT_ID: "the tab's Entra app registration client id (see docs/deploy.md, Sign-in for the tab)",
  } as const;
  const missing = Object.entries(wanted)
    .filter(([name]) => !env[name] || (name !== 'WEAVE_PUBLIC_HOST' && !isGuid(env[name])))
    .map(([name, what]) => `${name}: ${what}`);
  if (missing.length > 0) return { missing };
  return { teamsAppId: env.TEAMS_APP_ID!, botId: env.MicrosoftAppId!, host: env.WEAVE_PUBLIC_HOST!, tabClientId: env.WEAVE_TAB_CLIENT_ID!, version };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const local = process.argv.includes('--local');
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? process.argv[outAt + 1]! : 'appPackage.zip';
  const ids = idsFromEnv(process.env, local);
  if ('missing' in ids) {
    process.stderr.write(`Cannot build the app package; set:\n${ids.missing.map((m) => `  ${m}`).join('\n')}\n(or run with --local for a development package)\n`);
    process.exit(2);
  }
  writeFileSync(out, appPackage(ids));
  process.stdout.write(`wrote ${out} (Teams app ${ids.teamsAppId}, bot ${ids.botId}, host ${ids.host}, version ${ids.version})\n`);
}
