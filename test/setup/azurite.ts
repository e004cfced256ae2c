// One real Azurite for the whole test run, in memory on free ports. Tests isolate themselves with
// their own storage prefix (tables and queues) and tenant ids.
import type { TestProject } from 'vitest/node';
import { startEmbeddedAzurite } from '../../local/azurite';

declare module 'vitest' {
  export interface ProvidedContext {
    storageConnectionString: string;
  }
}

export default async function setup(project: TestProject) {
  const azurite = await startEmbeddedAzurite();
  project.provide('storageConnectionString', azurite.connectionString);
  return async () => {
    await azurite.stop();
  };
}
