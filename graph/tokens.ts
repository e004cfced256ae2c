// Where Weave's Microsoft Graph tokens come from: a small seam. In Azure, the app's user-assigned
// managed identity (the bot's own, which holds TeamsAppInstallation.ReadWriteSelfForUser.All);
// locally and in tests, none (the fake Graph on loopback asks for no token).
import { ManagedIdentityCredential } from '@azure/identity';

/** A bearer token for Graph, or null to send none. */
export type GraphTokenSource = () => Promise<string | null>;

export const noGraphToken: GraphTokenSource = () => Promise.resolve(null);

export function managedIdentityGraphToken(clientId: string, graphUrl: string): GraphTokenSource {
  const credential = new ManagedIdentityCredential({ clientId });
  const scope = `${new URL(graphUrl).origin}/.default`;
  return async () => (await credential.getToken(scope)).token;
}
