// Paces Weave's proactive sends to the app's budget with Teams (Teams allows 50 a second per app per
// tenant): one token from the shared budget per send, waiting when the budget is spent — so however
// many processes send, none holds tokens saved from a quiet spell. Sends waiting in this process
// take their tokens together, in one read and one write of the budget, rather than a round trip
// each. Sends into one conversation are also spaced, as Teams limits each conversation too (7 a
// second). When Teams answers 429 with Retry-After, the whole budget is held until then.
import type { RateBudget } from '../../store/rateLimit';

/** Teams' documented limit for a bot's sends, per app per tenant. */
export const TEAMS_SENDS_PER_SECOND = 50;
/** In this process, at least this long between two sends into the same conversation (Teams allows 7 a second). */
export const CONVERSATION_SPACING_MS = 250;

/**
 * How many tokens the budget may save up: a fifth of a second's worth, but never so many that a
 * one-second window could see more than Teams allows (rate + saved ≤ 50).
 */
export function budgetBurst(perSecond: number): number {
  return Math.max(1, Math.min(Math.ceil(perSecond / 5), Math.floor(TEAMS_SENDS_PER_SECOND - perSecond)));
}

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

export class SendPacer {
  private readonly waiting: Waiter[] = [];
  private drawing = false;
  private readonly lastTo = new Map<string, number>();

  constructor(private readonly budget: RateBudget, private readonly now: () => number = Date.now, private readonly sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {}

  /** Resolves when this process may send one message into `conversationId`. */
  async acquire(conversationId: string): Promise<void> {
    await this.take();
    await this.spaceFor(conversationId);
  }

  /** Resolves when the shared budget has given this process a token for one send. */
  take(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      // After this turn of the event loop, so sends arriving together take their tokens together.
      setImmediate(() => void this.draw());
    });
  }

  /** Resolves when a send into `conversationId` is far enough from the last one this process made. */
  async spaceFor(conversationId: string): Promise<void> {
    const since = this.now() - (this.lastTo.get(conversationId) ?? 0);
    if (since < CONVERSATION_SPACING_MS) await this.sleep(CONVERSATION_SPACING_MS - since);
    this.lastTo.set(conversationId, this.now());
    if (this.lastTo.size > 10_000) this.lastTo.clear();
  }

  /** Teams throttled the app: no process sends anything until `ms` from now. */
  holdFor(ms: number): Promise<void> {
    return this.budget.holdUntil(this.now() + ms);
  }

  /** One loop at a time takes tokens for everyone waiting, first come first served. */
  private async draw(): Promise<void> {
    if (this.drawing) return;
    this.drawing = true;
    try {
      while (this.waiting.length > 0) {
        const asked = this.waiting.length;
        const askedAt = this.now();
        const { got, waitMs } = await this.budget.take(asked, askedAt);
        for (const waiter of this.waiting.splice(0, got)) waiter.resolve();
        // The budget saves up only a few tokens; asking again a round trip after they are there
        // would let the excess go unused, and sending would fall below the rate.
        if (got < asked) await this.sleep(Math.max(5, waitMs - (this.now() - askedAt)));
      }
    } catch (err) {
      // Storage failed: each waiting delivery lets go of its claim and the queue tries it again.
      for (const waiter of this.waiting.splice(0)) waiter.reject(err);
    } finally {
      this.drawing = false;
    }
  }
}
