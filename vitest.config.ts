import { defineConfig } from 'vitest/config';

/**
 * The protocol suites — bot flows, security (inbound auth, fuzz, tampering), faults — run a second
 * time against the Teams SDK seam (WEAVE_BOT_SDK=teams); everything else, which never touches a bot
 * SDK, runs once. README's Tests section says why and what it costs.
 */
export const PROTOCOL_SUITES = ['test/bot/**/*.test.ts', 'test/security/**/*.test.ts', 'test/faults/**/*.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/setup/azurite.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'botbuilder', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'teams-sdk', include: PROTOCOL_SUITES, env: { WEAVE_TEST_BOT_SDK: 'teams' } } },
    ],
  },
});
