/** How to reach Azure Storage. Locally a connection string to Azurite; in Azure see runtime/config. */
export interface StorageSettings {
  connectionString: string;
  /** Prepended to every table and queue name, so several environments can share one account. */
  prefix: string;
  /** Azurite speaks plain HTTP on loopback. */
  allowInsecureConnection: boolean;
}
