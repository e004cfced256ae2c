// However `npm start` is asked to stop, everything it started stops and its ports are free within
// 10 s, so the next start works. Here the signal goes to npm alone, not its process group (an IDE's
// stop button, a supervisor, `kill PID`): npm passes SIGINT and SIGTERM on to the stack; SIGHUP
// kills npm, and the stack notices it has lost its parent. (Ctrl+C to the whole group is
// test/e2e/newcomer.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmStart, type NpmStart } from '../support/npmStart';

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
/** A council trying its own tenant id locally (one of the three stacks). */
const OWN_TENANT = '0d5c7a3e-9b1f-4e2a-8c6d-2f4b6a8c0e1d';

describe('npm start, stopped by a signal to npm alone', () => {
  const stacks = new Map<string, NpmStart>();

  beforeAll(async () => {
    // All at once: starting is most of the time this takes.
    const started = await Promise.all(SIGNALS.map((signal) => npmStart('practitioner', signal === 'SIGHUP' ? { WEAVE_TENANT_ID: OWN_TENANT } : {})));
    SIGNALS.forEach((signal, i) => stacks.set(signal, started[i]!));
  }, 120_000);

  afterAll(() => {
    for (const stack of stacks.values()) stack.kill();
  });

  it('starts without a warning', () => {
    for (const stack of stacks.values()) expect(stack.output()).not.toMatch(/warning/i);
  });

  it('loads the demo into WEAVE_TENANT_ID when it is set, and the demo tenant otherwise', () => {
    expect(stacks.get('SIGHUP')!.output()).toMatch(new RegExp(`tenant\\s+${OWN_TENANT} \\(WEAVE_TENANT_ID\\)`));
    expect(stacks.get('SIGTERM')!.output()).toMatch(/tenant\s+6f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b \(the demo's/);
  });

  it.each(SIGNALS)('%s: every process it started is gone and every port free within 10 s', async (signal) => {
    const stack = stacks.get(signal)!;
    expect(stack.processes().length).toBeGreaterThanOrEqual(3); // the stack, Azurite, a playground
    expect(await stack.stopped()).toBe(false);

    const signalledAt = Date.now();
    stack.child.kill(signal);
    await expect.poll(() => stack.stopped(), { timeout: 10_000, interval: 100 }).toBe(true);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(stack.output()).toMatch(/weave\s+stopped/);
  }, 20_000);
});
