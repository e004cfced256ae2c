// How to reach Azure Storage: a connection string (Azurite, or a key where keys are allowed), or
// Microsoft Entra identity, as the Functions host's identity-based AzureWebJobsStorage settings say.
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

export type { StorageAccess, StorageSettings } from '../core/config';

const credentials = new Map<string, TokenCredential>();

/** One credential per identity, so tokens are cached across clients. */
export function credentialFor(clientId: string | null): TokenCredential {
  const key = clientId ?? '';
  let credential = credentials.get(key);
  if (!credential) {
    credential = clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
    credentials.set(key, credential);
  }
  return credential;
}
