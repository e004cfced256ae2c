import functions from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { createAppLogger, withInvocation } from '../../functions/invocationLog';

describe('structured logs', () => {
  it("go through the invocation's context, each line JSON carrying the invocation id", async () => {
    const lines: { level: string; text: string }[] = [];
    const context = new functions.InvocationContext({
      invocationId: 'inv-123', functionName: 'messages',
      logHandler: (level, ...args) => lines.push({ level, text: String(args[0]) }),
    });
    const log = createAppLogger('info');
    await withInvocation(context, async () => {
      await new Promise((r) => setTimeout(r, 1)); // across an await, still the same invocation
      log.info('command', { command: 'help' });
      log.warn('card.refused', { reason: 'not_recipient' });
      log.debug('ignored below the level');
    });
    expect(lines.map((l) => [l.level, JSON.parse(l.text) as unknown])).toEqual([
      ['information', { event: 'command', command: 'help', invocationId: 'inv-123' }],
      ['warning', { event: 'card.refused', reason: 'not_recipient', invocationId: 'inv-123' }],
    ]);
  });
});
