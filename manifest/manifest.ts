// The Teams app manifest, built from typed parts: ids from the deployment, strings from
// manifest/strings, and the bot's command list from the commands the bot actually handles.
import { readFileSync } from 'node:fs';
import type { TeamsManifestV1D23 } from '@microsoft/app-manifest';
import { COMMANDS } from '../bot/commands';
import type { CommandScope } from '../bot/commands/command';
import { ACCENT } from './icons';

export type Manifest = TeamsManifestV1D23.TeamsManifestV1D23;

/** The manifest schema version: 1.23 is the current GA version in Microsoft's manifest reference. */
export const MANIFEST_VERSION = '1.23';
export const DEFAULT_LANGUAGE = 'en-gb';

/** What a deployment supplies; everything else is fixed. */
export interface ManifestIds {
  /** The Teams app's own id (a GUID chosen once per organisation). */
  teamsAppId: string;
  /** The bot's Microsoft App ID: the client id of the bot's managed identity. */
  botId: string;
  /** The host name the Function App answers on, e.g. weave-prod.azurewebsites.net. */
  host: string;
  /** The client id of the Entra app registration the tab signs in with (SSO). */
  tabClientId: string;
  version: string;
}

export type Strings = Record<'name.short' | 'name.full' | 'description.short' | 'description.full' | 'developer.name' | 'tab.name', string>;

export function readStrings(language: string): Strings {
  return JSON.parse(readFileSync(new URL(`./strings/${language}.json`, import.meta.url), 'utf8')) as Strings;
}

/** The bot's commands for a scope, as the Teams command menu shows them (at most 10). */
export function commandList(scope: CommandScope) {
  return COMMANDS.filter((c) => c.scopes.includes(scope)).slice(0, 10).map((c) => ({ title: c.name, description: c.summary }));
}

export function buildManifest(ids: ManifestIds, strings: Strings = readStrings(DEFAULT_LANGUAGE)): Manifest {
  const origin = `https://${ids.host}`;
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: ids.version,
    id: ids.teamsAppId,
    localizationInfo: { defaultLanguageTag: DEFAULT_LANGUAGE },
    developer: {
      name: strings['developer.name'],
      websiteUrl: `${origin}/api/pages/about`,
      privacyUrl: `${origin}/api/pages/privacy`,
      termsOfUseUrl: `${origin}/api/pages/terms`,
    },
    name: { short: strings['name.short'], full: strings['name.full'] },
    description: { short: strings['description.short'], full: strings['description.full'] },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT,
    bots: [{
      botId: ids.botId,
      scopes: ['personal', 'team'],
      supportsFiles: false,
      isNotificationOnly: false,
      commandLists: [
        { scopes: ['personal'], commands: commandList('personal') },
        { scopes: ['team'], commands: commandList('team') },
      ],
    }],
    // One personal tab: it shows each person the pages their roles allow (My plan, My team, Organisation).
    staticTabs: [{
      entityId: 'weave',
      name: strings['tab.name'],
      contentUrl: `${origin}/api/tab/?inTeams=1`,
      websiteUrl: `${origin}/api/tab/`,
      scopes: ['personal'],
    }],
    webApplicationInfo: { id: ids.tabClientId, resource: `api://${ids.host}/${ids.tabClientId}` },
    permissions: ['identity'],
    validDomains: [ids.host],
    defaultInstallScope: 'personal',
  };
}
