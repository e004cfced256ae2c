// What Weave is configured with, as every layer may read it. runtime/config.ts reads and validates
// it from the environment once, at start; nothing below runtime/ reads the environment.

/** How to reach Azure Storage: a connection string (Azurite, or a key where keys are allowed), or Microsoft Entra identity. */
export type StorageAccess =
  | { kind: 'connectionString'; connectionString: string; /** Azurite speaks plain HTTP on loopback. */ allowInsecureConnection: boolean }
  | { kind: 'identity'; tableServiceUri: string; queueServiceUri: string; /** A user-assigned managed identity; null: whoever is signed in (az login). */ clientId: string | null };

export interface StorageSettings {
  access: StorageAccess;
  /** Prepended to every table and queue name, so several environments can share one account. */
  prefix: string;
}

export type Mode = 'local' | 'azure';

export interface BotCredentials {
  appId: string;
  appType: 'UserAssignedMSI' | 'SingleTenant' | 'MultiTenant';
  appTenantId: string;
  appPassword: string;
}

export interface Config {
  mode: Mode;
  /** The organisation's Microsoft Entra tenant; activities from any other tenant are refused. */
  tenantId: string;
  /** The organisation's default time zone, for people whose Teams client has not told us theirs. */
  timeZone: string;
  storage: StorageSettings;
  /** Empty appId means no Bot Framework authentication: only ever allowed in local mode. */
  bot: BotCredentials;
  /** Which bot SDK implements the Teams seam: botbuilder (support ended 2025) or the Teams SDK. */
  botSdk: 'botbuilder' | 'teams';
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Where people's browsers reach the app (links Weave sends: CPD exports). */
  publicUrl: string;
  /** When team digests go out (NCRONTAB, in the organisation's zone). */
  digestSchedule: string;
  /** Proactive messages a second, for the whole app in the tenant (Teams allows 50). */
  sendRatePerSecond: number;
  /** Installing Weave through Microsoft Graph for people it cannot reach; null: off. */
  proactiveInstall: { graphUrl: string; catalogAppId: string } | null;
  /** The Entra app registration the tab signs in with (SSO); null: the tab API accepts no Entra tokens. */
  tabClientId: string | null;
  /**
   * The app's id as Teams deep links name it (core/tabLink.ts): the org catalog's id for an app
   * published there, the manifest's id for one uploaded. Null: links go to the tab's own address.
   */
  teamsAppId: string | null;
}
