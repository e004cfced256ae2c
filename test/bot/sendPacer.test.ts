// The send pacer takes budget for every send waiting in its process at once: one read and one write
// of the shared budget serve several sends, and none goes before the budget allows it.
import { describe, expect, it } from 'vitest';
import { budgetBurst, SendPacer, TEAMS_SENDS_PER_SECOND } from '../../app/messaging/sendPacer';
import type { RateBudget } from '../../store/rateLimit';

/** A budget in memory that counts its round trips (each take is one read and one write of the row). */
function countingBudget(tokens: number) {
  const takes: number[] = [];
  const budget: RateBudget = {
    take(want) {
      takes.push(want);
      const got = Math.min(want, tokens);
      tokens -= got;
      return Promise.resolve({ got, waitMs: got < want ? 20 : 0 });
    },
    holdUntil: () => Promise.resolve(),
  };
  return { budget, takes, refill: (n: number) => { tokens += n; } };
}

describe('send pacing', () => {
  it('serves sends waiting together with one take of the budget', async () => {
    const { budget, takes } = countingBudget(16);
    const pacer = new SendPacer(budget);
    await Promise.all(Array.from({ length: 16 }, (_, i) => pacer.acquire(`conversation-${i}`)));
    expect(takes).toEqual([16]);
  });

  it('waits for the budget when it is spent, and lets nobody through early', async () => {
    const { budget, takes, refill } = countingBudget(5);
    const pacer = new SendPacer(budget);
    let through = 0;
    const all = Array.from({ length: 8 }, (_, i) => pacer.acquire(`c${i}`).then(() => { through++; }));
    await new Promise((r) => setTimeout(r, 5));
    expect(through).toBe(5);
    refill(3);
    await Promise.all(all);
    expect(through).toBe(8);
    expect(takes[0]).toBe(8);
    expect(takes.length).toBeLessThan(8);
  });

  it('saves up no more than keeps a second under Teams\' 50', () => {
    for (const rate of [1, 5, 25, 45, 49, 50]) expect(rate + budgetBurst(rate)).toBeLessThanOrEqual(Math.max(TEAMS_SENDS_PER_SECOND, rate + 1));
    expect(budgetBurst(45)).toBe(5);
    expect(budgetBurst(25)).toBe(5);
  });
});
