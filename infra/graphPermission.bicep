// Admin consent for proactive installation, as code: grants Weave's user-assigned managed identity
// the one Microsoft Graph application permission it needs, TeamsAppInstallation.ReadWriteSelfForUser.All
// (least privilege: the app may install only itself, in people's personal scope). Granting an
// application permission is admin consent, so this is deployed once, apart from main.bicep, by a
// Privileged Role Administrator or Global Administrator (docs/deploy.md, step 6). Needs bicepconfig.json.
extension microsoftGraphV1

@description('Principal (object) id of Weave\'s managed identity: main.bicep\'s output botPrincipalId.')
param principalId string

// Microsoft Graph's own service principal in every tenant.
resource graph 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: '00000003-0000-0000-c000-000000000000'
}

resource installSelfForUser 'Microsoft.Graph/appRoleAssignedTo@v1.0' = {
  principalId: principalId
  resourceId: graph.id
  appRoleId: filter(graph.appRoles, role => role.value == 'TeamsAppInstallation.ReadWriteSelfForUser.All')[0].id
}
