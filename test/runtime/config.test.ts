import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_TENANT_ID, loadConfig } from '../../runtime/config';

const AZURE = { WEAVE_TENANT_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==;EndpointSuffix=core.windows.net' };

describe('configuration', () => {
  it('refuses to run in Azure as an anonymous bot', () => {
    expect(() => loadConfig(AZURE)).toThrow(ConfigError);
    expect(() => loadConfig(AZURE)).toThrow(/MicrosoftAppId is not set: Weave never runs as an anonymous bot in Azure/);
  });

  it('is in Azure mode unless told it is local', () => {
    const config = loadConfig({ ...AZURE, MicrosoftAppId: '9b2c4d6e-1a3b-4c5d-8e7f-a0b1c2d3e4f5' });
    expect(config).toMatchObject({ mode: 'azure', bot: { appType: 'UserAssignedMSI', appTenantId: AZURE.WEAVE_TENANT_ID } });
    expect(config.storage.access).toMatchObject({ kind: 'connectionString', allowInsecureConnection: false });
  });

  it('runs locally without credentials against Azurite, only when asked to', () => {
    const config = loadConfig({ WEAVE_MODE: 'local' });
    expect(config).toMatchObject({ mode: 'local', tenantId: LOCAL_TENANT_ID, bot: { appId: '' }, timeZone: 'Europe/London' });
    expect(config.storage.access).toMatchObject({ kind: 'connectionString', allowInsecureConnection: true });
    expect(config.storage.access.kind === 'connectionString' && config.storage.access.connectionString).toContain('TableEndpoint=http://127.0.0.1:10002/devstoreaccount1');
  });

  it('lists every problem at once, in words an operator can act on', () => {
    try {
      loadConfig({ WEAVE_MODE: 'azure', MicrosoftAppId: 'x', MicrosoftAppType: 'SingleTenant' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toContain('WEAVE_TENANT_ID is required in Azure mode');
      expect((err as Error).message).toContain('MicrosoftAppPassword is required for MicrosoftAppType=SingleTenant');
      expect((err as Error).message).toContain('AzureWebJobsStorage is not set');
    }
    expect(() => loadConfig({ WEAVE_MODE: 'local', WEAVE_TIME_ZONE: 'Mars/Olympus' })).toThrow(/WEAVE_TIME_ZONE is not an IANA time zone/);
    expect(() => loadConfig({ WEAVE_MODE: 'cloud' })).toThrow(/WEAVE_MODE/);
    expect(() => loadConfig({ WEAVE_MODE: 'local', WEAVE_STORAGE_PREFIX: 'Bad-Prefix' })).toThrow(/WEAVE_STORAGE_PREFIX must be lower-case/);
  });

  it('reaches storage by managed identity, as the Functions host does, with no keys', () => {
    const config = loadConfig({
      WEAVE_TENANT_ID: AZURE.WEAVE_TENANT_ID, MicrosoftAppId: '9b2c4d6e-1a3b-4c5d-8e7f-a0b1c2d3e4f5',
      AzureWebJobsStorage__accountName: 'weavestore01', AzureWebJobsStorage__credential: 'managedidentity', AzureWebJobsStorage__clientId: '9b2c4d6e-1a3b-4c5d-8e7f-a0b1c2d3e4f5',
    });
    expect(config.storage.access).toEqual({
      kind: 'identity', tableServiceUri: 'https://weavestore01.table.core.windows.net', queueServiceUri: 'https://weavestore01.queue.core.windows.net',
      clientId: '9b2c4d6e-1a3b-4c5d-8e7f-a0b1c2d3e4f5',
    });
  });

  it('sends at 45 a second unless told otherwise, never over Teams\' 50', () => {
    expect(loadConfig({ WEAVE_MODE: 'local' }).sendRatePerSecond).toBe(45);
    expect(() => loadConfig({ WEAVE_MODE: 'local', WEAVE_SEND_RATE: '51' })).toThrow(/WEAVE_SEND_RATE/);
  });

  it('answers Teams through botbuilder unless WEAVE_BOT_SDK names the Teams SDK', () => {
    expect(loadConfig({ WEAVE_MODE: 'local' }).botSdk).toBe('botbuilder');
    expect(loadConfig({ WEAVE_MODE: 'local', WEAVE_BOT_SDK: 'teams' }).botSdk).toBe('teams');
    expect(() => loadConfig({ WEAVE_MODE: 'local', WEAVE_BOT_SDK: 'agents' })).toThrow(/WEAVE_BOT_SDK/);
  });

  it('installs proactively only when switched on, and then needs the catalog id', () => {
    expect(loadConfig({ WEAVE_MODE: 'local' }).proactiveInstall).toBeNull();
    expect(() => loadConfig({ WEAVE_MODE: 'local', WEAVE_PROACTIVE_INSTALL: 'graph' })).toThrow(/WEAVE_TEAMS_APP_CATALOG_ID is required with WEAVE_PROACTIVE_INSTALL=graph/);
    expect(loadConfig({ WEAVE_MODE: 'local', WEAVE_PROACTIVE_INSTALL: 'graph', WEAVE_TEAMS_APP_CATALOG_ID: 'abc-123' }).proactiveInstall)
      .toEqual({ graphUrl: 'https://graph.microsoft.com', catalogAppId: 'abc-123' });
  });

  it('takes the tenant id a council gives, as a GUID', () => {
    expect(loadConfig({ WEAVE_MODE: 'local', WEAVE_TENANT_ID: '0D5C7A3E-9B1F-4E2A-8C6D-2F4B6A8C0E1D' }).tenantId).toBe('0d5c7a3e-9b1f-4e2a-8c6d-2f4b6a8c0e1d');
    expect(() => loadConfig({ WEAVE_MODE: 'local', WEAVE_TENANT_ID: 'contoso' })).toThrow(/WEAVE_TENANT_ID is not a tenant id/);
  });
});
