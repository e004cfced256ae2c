// Weave on Azure: one Function App (Flex Consumption, Node 22 LTS) on a storage account reached only by
// managed identity, an Azure Bot in Microsoft Teams whose identity is that same user-assigned managed
// identity, and Application Insights. No keys or secrets anywhere. See docs/deploy.md.
targetScope = 'resourceGroup'

@description('Short name used in every resource name: lower-case letters and digits only, 3-11 (it becomes part of the storage account name).')
@minLength(3)
@maxLength(11)
param name string = 'weave'

@description('Azure region for everything but the bot (which is global).')
param location string = resourceGroup().location

@description('Default time zone for people whose Teams client has not reported one.')
param timeZone string = 'Europe/London'

@description('Prefix for every table and queue name, to share one account between environments: empty, or a lower-case letter then up to 19 lower-case letters and digits (the app refuses anything else at start).')
@maxLength(20)
param storagePrefix string = ''

@allowed(['debug', 'info', 'warn', 'error'])
param logLevel string = 'info'

@description('Azure Bot pricing tier: F0 (free, limited premium channels) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Most instances the Function App may scale out to (Flex Consumption allows 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Instances kept warm for HTTP, so Teams is answered quickly after a quiet spell (card actions must be answered within seconds). 0 saves the cost of an always-ready instance.')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int = 1

@allowed([2048, 4096])
param instanceMemoryMB int = 2048

@description('Client id of the Entra app registration the Weave tab signs in with (single sign-on in Teams); see docs/deploy.md. Empty: the tab accepts no sign-in until it is set.')
param tabClientId string = ''

@description('Which bot SDK answers Teams: botbuilder (support ended 31 December 2025; 4.23.3 is its last release) or teams (the Teams SDK). See docs/deploy.md, "Choosing the bot SDK".')
@allowed(['botbuilder', 'teams'])
param botSdk string = 'botbuilder'

@description('Install Weave through Microsoft Graph for people a prompt, broadcast or reminder could not reach. Needs the Graph permission granted (graphPermission.bicep) and teamsAppCatalogId.')
param proactiveInstall bool = false

@description('Weave\'s id in the organisation\'s Teams app catalog, once uploaded (docs/deploy.md, step 6). Required with proactiveInstall.')
param teamsAppCatalogId string = ''

@description('The Teams app id the package was built with (TEAMS_APP_ID, docs/deploy.md step 5): buttons on cards open the Plans tab in Teams with it. Empty: they open the tab\'s web address.')
param teamsAppId string = ''

param tags object = { app: 'weave' }

var suffix = uniqueString(resourceGroup().id, name)
var storageAccountName = take('${toLower(name)}${suffix}', 24)
var deploymentContainer = 'app-package'

// Every table and queue the code uses (store/tables.ts, store/queues.ts); a test keeps these in step.
var tableNames = ['people', 'conversations', 'teams', 'cards', 'deliveries', 'jobruns', 'imports', 'needs', 'schedules', 'sessions', 'cpd', 'exports', 'mentors', 'mentorrequests', 'mentormatches', 'triggers', 'teamplans', 'digestlinks', 'offers', 'bookings', 'ratelimits', 'teamagreements', 'commissions', 'budgets', 'installs', 'appraisals', 'pulseresponses', 'pulsepeople', 'qualifications', 'aspirations']
var queueNames = ['outbox', 'outbox-poison', 'work', 'work-poison']

// Built-in role definition ids.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// The identity of the bot and of the app: Teams authenticates the bot as it, storage and
// Application Insights admit the app as it.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${name}-${suffix}'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true // telemetry is accepted only from the app's identity
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: '${storagePrefix}${table}'
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queueNames: {
  parent: queueService
  name: empty(storagePrefix) ? queue : '${storagePrefix}-${queue}'
}]

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]: {
  name: guid(storage.id, identity.id, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource telemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}-${suffix}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${name}-${suffix}'
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyHttpInstances > 0 ? [{ name: 'http', instanceCount: alwaysReadyHttpInstances }] : []
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Storage for the Functions host and for Weave, by managed identity (no keys).
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        // Telemetry, accepted only with the app's identity.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        // Weave (runtime/config.ts).
        { name: 'WEAVE_MODE', value: 'azure' }
        // The organisation is the tenant Weave is deployed in: the bot's identity lives there too.
        { name: 'WEAVE_TENANT_ID', value: tenant().tenantId }
        { name: 'WEAVE_TIME_ZONE', value: timeZone }
        { name: 'WEAVE_STORAGE_PREFIX', value: storagePrefix }
        { name: 'WEAVE_LOG_LEVEL', value: logLevel }
        // The bot is the managed identity: no app password to keep.
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        // The tab's sign-in: Entra ID tokens for this app registration, from this tenant.
        { name: 'WEAVE_TAB_CLIENT_ID', value: tabClientId }
        // The bot SDK, and proactive installation through Graph with the identity's own token.
        { name: 'WEAVE_BOT_SDK', value: botSdk }
        { name: 'WEAVE_PROACTIVE_INSTALL', value: proactiveInstall ? 'graph' : 'off' }
        { name: 'WEAVE_TEAMS_APP_CATALOG_ID', value: teamsAppCatalogId }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
      ]
    }
  }
  dependsOn: [storageRoles, telemetryRole, tables, queues, packageContainer]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${name}-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Weave'
    description: 'Supervision, appraisal and CPD for every profession in children\'s services.'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output functionAppName string = app.name
@description('Host name for WEAVE_PUBLIC_HOST when packaging the Teams app.')
output host string = app.properties.defaultHostName
@description('The bot id (MicrosoftAppId) for the Teams app package.')
output botId string = identity.properties.clientId
@description('Principal id of the managed identity, for graphPermission.bicep (proactive installation).')
output botPrincipalId string = identity.properties.principalId
output storageAccountName string = storage.name
output resourceGroupName string = resourceGroup().name
