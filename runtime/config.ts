// Everything Weave reads from its environment, validated once at start. Every setting is listed in
// SETTINGS so the README, the Bicep app settings and this parser cannot drift apart unnoticed.
import { z } from 'zod';
import { parseSchedule } from '../core/ncrontab';
import { isTimeZone } from '../core/zonedTime';
import { isGuid } from '../core/validation';
import type { Config, StorageAccess } from '../core/config';

export type { BotCredentials, Config, Mode } from '../core/config';

/** The demo organisation's tenant: what the local stack and the playground use. */
export const LOCAL_TENANT_ID = '6f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b';

export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(host: string, ports: { table: number; queue: number; blob?: number }): string {
  const endpoint = (port: number) => `http://${host}:${port}/${AZURITE_ACCOUNT}`;
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    ...(ports.blob ? [`BlobEndpoint=${endpoint(ports.blob)}`] : []),
    `TableEndpoint=${endpoint(ports.table)}`,
    `QueueEndpoint=${endpoint(ports.queue)}`,
  ].join(';');
}

/** Settings read by the app (not the local stack launcher), with what each is for. */
export const SETTINGS = {
  WEAVE_MODE: '`local` (no bot authentication, Azurite) or `azure` (the default; refuses to start without bot credentials)',
  WEAVE_TENANT_ID: "the organisation's Entra tenant id; required in Azure mode",
  WEAVE_TIME_ZONE: 'default time zone for people whose Teams client has not reported one (default Europe/London)',
  WEAVE_STORAGE_PREFIX: 'prefix for every table and queue name (default empty; letters and digits)',
  WEAVE_LOG_LEVEL: 'debug, info (default), warn or error',
  WEAVE_PUBLIC_URL: "the app's address for links Weave sends (default: https:// and WEBSITE_HOSTNAME in Azure, http://localhost:PORT locally)",
  WEBSITE_HOSTNAME: 'set by Azure: the Function App host name',
  WEAVE_TAB_CLIENT_ID: "client id of the Entra app registration the tab signs in with (SSO; docs/deploy.md); its Application ID URI is api://<public host>/<client id>. Unset: the tab accepts no Entra sign-in",
  TEAMS_APP_ID: "the app's id for links from cards into the tab: the org catalog's id once published there, else the manifest's id (the one the package was built with). Unset: cards link to the tab's web address",
  WEAVE_SEND_RATE: 'proactive messages a second for the whole app, across every worker (default 45; Teams allows 50 per app per tenant)',
  WEAVE_PROACTIVE_INSTALL: '`off` (the default) or `graph`: install Weave through Microsoft Graph for people a prompt, broadcast or reminder could not reach (needs TeamsAppInstallation.ReadWriteSelfForUser.All, admin-consented; docs/deploy.md)',
  WEAVE_TEAMS_APP_CATALOG_ID: "Weave's id in the organisation's Teams app catalog (from Graph's appCatalogs/teamsApps; docs/deploy.md); required when WEAVE_PROACTIVE_INSTALL=graph",
  WEAVE_GRAPH_URL: 'Microsoft Graph (default https://graph.microsoft.com)',
  WEAVE_DIGEST_SCHEDULE: 'when team training plan digests go out: NCRONTAB in the organisation time zone (default 0 0 9 * * 1, Mondays 09:00)',
  AzureWebJobsStorage: 'storage connection string (locally built for Azurite when unset); in Azure use the identity-based settings below',
  AzureWebJobsStorage__accountName: 'storage account name, for identity-based access (no keys)',
  AzureWebJobsStorage__credential: '`managedidentity` to use a managed identity for storage',
  AzureWebJobsStorage__clientId: 'client id of the user-assigned managed identity used for storage',
  WEAVE_BOT_SDK: '`botbuilder` (the default; its support ended on 31 December 2025, 4.23.3 is its last release) or `teams` (the Teams SDK, @microsoft/teams.apps): which SDK handles the messaging endpoint and proactive sends',
  MicrosoftAppId: 'the bot identity (client id of the user-assigned managed identity in Azure)',
  MicrosoftAppType: 'UserAssignedMSI (default), SingleTenant or MultiTenant',
  MicrosoftAppTenantId: 'tenant of the bot identity (defaults to WEAVE_TENANT_ID)',
  MicrosoftAppPassword: 'client secret, only for SingleTenant/MultiTenant app registrations',
} as const;

/** What the deployment must set in Azure (infra/main.bicep); a test holds the Bicep to it. */
export const AZURE_APP_SETTINGS = [
  'WEAVE_MODE', 'WEAVE_TENANT_ID', 'WEAVE_TIME_ZONE', 'WEAVE_STORAGE_PREFIX', 'WEAVE_LOG_LEVEL',
  'AzureWebJobsStorage__accountName', 'AzureWebJobsStorage__credential', 'AzureWebJobsStorage__clientId',
  'MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'WEAVE_TAB_CLIENT_ID', 'WEAVE_BOT_SDK',
  'WEAVE_PROACTIVE_INSTALL', 'WEAVE_TEAMS_APP_CATALOG_ID',
] as const satisfies readonly (keyof typeof SETTINGS)[];

/** Settings that must never be in Azure's app settings: a storage key, a client secret. */
export const NEVER_IN_AZURE = ['AzureWebJobsStorage', 'MicrosoftAppPassword'] as const satisfies readonly (keyof typeof SETTINGS)[];

function isSchedule(value: string): boolean {
  try {
    parseSchedule(value);
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  WEAVE_MODE: z.enum(['local', 'azure']).default('azure'),
  WEAVE_TENANT_ID: z.string().trim().refine((v) => v === '' || isGuid(v), 'is not a tenant id (a GUID)').transform((v) => v.toLowerCase()).optional(),
  WEAVE_TIME_ZONE: z.string().default('Europe/London').refine(isTimeZone, 'is not an IANA time zone such as Europe/London'),
  WEAVE_STORAGE_PREFIX: z.string().regex(/^[a-z][a-z0-9]{0,19}$|^$/, 'must be lower-case letters and digits, starting with a letter, at most 20').default(''),
  WEAVE_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  WEAVE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEBSITE_HOSTNAME: z.string().optional(),
  WEAVE_TAB_CLIENT_ID: z.string().refine((v) => v === '' || isGuid(v), 'is not a client id (a GUID)').optional(),
  TEAMS_APP_ID: z.string().refine((v) => v === '' || isGuid(v), 'is not a Teams app id (a GUID)').optional(),
  WEAVE_SEND_RATE: z.coerce.number().min(1).max(50).default(45),
  WEAVE_PROACTIVE_INSTALL: z.enum(['off', 'graph']).default('off'),
  WEAVE_TEAMS_APP_CATALOG_ID: z.string().trim().regex(/^[A-Za-z0-9-]{1,100}$|^$/, 'is not a Teams app catalog id').optional(),
  WEAVE_GRAPH_URL: z.url({ protocol: /^https?$/ }).default('https://graph.microsoft.com'),
  WEAVE_DIGEST_SCHEDULE: z.string().default('0 0 9 * * 1').refine(isSchedule, 'is not an NCRONTAB schedule such as 0 0 9 * * 1'),
  PORT: z.coerce.number().int().positive().default(3978),
  AzureWebJobsStorage: z.string().optional(),
  AzureWebJobsStorage__accountName: z.string().regex(/^[a-z0-9]{3,24}$/, 'is not a storage account name').optional(),
  AzureWebJobsStorage__tableServiceUri: z.url().optional(),
  AzureWebJobsStorage__queueServiceUri: z.url().optional(),
  AzureWebJobsStorage__credential: z.enum(['managedidentity']).optional(),
  AzureWebJobsStorage__clientId: z.string().trim().optional(),
  WEAVE_BOT_SDK: z.enum(['botbuilder', 'teams']).default('botbuilder'),
  MicrosoftAppId: z.string().trim().default(''),
  MicrosoftAppType: z.enum(['UserAssignedMSI', 'SingleTenant', 'MultiTenant']).default('UserAssignedMSI'),
  MicrosoftAppTenantId: z.string().trim().optional(),
  MicrosoftAppPassword: z.string().default(''),
  WEAVE_TABLE_PORT: z.coerce.number().int().positive().default(10002),
  WEAVE_QUEUE_PORT: z.coerce.number().int().positive().default(10001),
});

/** Every environment variable loadConfig reads. */
export const SETTINGS_READ = Object.keys(envSchema.shape);

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Weave cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The Functions host's own rules for AzureWebJobsStorage: a connection string, or an account reached by identity. */
function storageAccess(e: z.infer<typeof envSchema>, local: boolean): StorageAccess | undefined {
  const accountName = e.AzureWebJobsStorage__accountName;
  if (e.AzureWebJobsStorage) {
    return { kind: 'connectionString', connectionString: e.AzureWebJobsStorage, allowInsecureConnection: /DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true|Endpoint=http:\/\//i.test(e.AzureWebJobsStorage) };
  }
  if (accountName || (e.AzureWebJobsStorage__tableServiceUri && e.AzureWebJobsStorage__queueServiceUri)) {
    return {
      kind: 'identity',
      tableServiceUri: e.AzureWebJobsStorage__tableServiceUri ?? `https://${accountName}.table.core.windows.net`,
      queueServiceUri: e.AzureWebJobsStorage__queueServiceUri ?? `https://${accountName}.queue.core.windows.net`,
      clientId: e.AzureWebJobsStorage__credential === 'managedidentity' ? e.AzureWebJobsStorage__clientId || null : null,
    };
  }
  if (local) {
    return { kind: 'connectionString', connectionString: azuriteConnectionString('127.0.0.1', { table: e.WEAVE_TABLE_PORT, queue: e.WEAVE_QUEUE_PORT }), allowInsecureConnection: true };
  }
  return undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const local = e.WEAVE_MODE === 'local';

  const tenantId = e.WEAVE_TENANT_ID || (local ? LOCAL_TENANT_ID : '');
  if (!tenantId) problems.push('WEAVE_TENANT_ID is required in Azure mode (the organisation\'s Entra tenant id)');

  if (!local && !e.MicrosoftAppId) {
    problems.push('MicrosoftAppId is not set: Weave never runs as an anonymous bot in Azure. Set the bot identity, or WEAVE_MODE=local on a developer machine.');
  }
  if (e.MicrosoftAppType !== 'UserAssignedMSI' && e.MicrosoftAppId && !e.MicrosoftAppPassword) {
    problems.push(`MicrosoftAppPassword is required for MicrosoftAppType=${e.MicrosoftAppType}`);
  }

  if (e.WEAVE_PROACTIVE_INSTALL === 'graph' && !e.WEAVE_TEAMS_APP_CATALOG_ID) {
    problems.push("WEAVE_TEAMS_APP_CATALOG_ID is required with WEAVE_PROACTIVE_INSTALL=graph (Weave's id in the Teams app catalog; docs/deploy.md)");
  }
  if (!local && !e.WEAVE_GRAPH_URL.startsWith('https://')) problems.push('WEAVE_GRAPH_URL must be https in Azure mode');

  const access = storageAccess(e, local);
  if (!access) problems.push('AzureWebJobsStorage is not set: Weave needs a storage account (a connection string, or AzureWebJobsStorage__accountName for identity-based access)');

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    mode: e.WEAVE_MODE,
    tenantId,
    timeZone: e.WEAVE_TIME_ZONE,
    storage: { access: access!, prefix: e.WEAVE_STORAGE_PREFIX },
    bot: {
      appId: e.MicrosoftAppId,
      appType: e.MicrosoftAppType,
      appTenantId: e.MicrosoftAppTenantId || tenantId,
      appPassword: e.MicrosoftAppPassword,
    },
    botSdk: e.WEAVE_BOT_SDK,
    logLevel: e.WEAVE_LOG_LEVEL,
    digestSchedule: e.WEAVE_DIGEST_SCHEDULE,
    sendRatePerSecond: e.WEAVE_SEND_RATE,
    tabClientId: e.WEAVE_TAB_CLIENT_ID || null,
    teamsAppId: e.WEAVE_TEAMS_APP_CATALOG_ID || e.TEAMS_APP_ID || null,
    proactiveInstall: e.WEAVE_PROACTIVE_INSTALL === 'graph' ? { graphUrl: e.WEAVE_GRAPH_URL, catalogAppId: e.WEAVE_TEAMS_APP_CATALOG_ID ?? '' } : null,
    publicUrl: (e.WEAVE_PUBLIC_URL ?? (e.WEBSITE_HOSTNAME ? `https://${e.WEBSITE_HOSTNAME}` : `http://localhost:${e.PORT}`)).replace(/\/$/, ''),
  };
}
