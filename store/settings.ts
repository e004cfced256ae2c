// How to reach Azure Storage: a connection string (Azurite, or a key where keys are allowed), or
// Microsoft Entra identity, as the Functions host's identity-based AzureWebJobsStorage settings say.
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

export type StorageAccess =
  | { kind: 'connectionString'; connectionString: string; /** Azurite speaks plain HTTP on loopback. */ allowInsecureConnection: boolean }
  | { kind: 'identity'; tableServiceUri: string; queueServiceUri: string; /** A user-assigned managed identity; null: whoever is signed in (az login). */ clientId: string | null };

export interface StorageSettings {
  access: StorageAccess;
  /** Prepended to every table and queue name, so several environments can share one account. */
  prefix: string;
}

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
