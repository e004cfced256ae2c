// Paces Weave's proactive sends to the app's budget with Teams (a little under its ~30 a second per
// app per tenant): one token from the shared budget per send, waiting when the budget is spent — so
// however many processes send, none holds tokens saved from a quiet spell. Sends into one
// conversation are also spaced, as Teams limits each conversation too (a few a second). When Teams
// answers 429 with Retry-After, the whole budget is held until then.
import type { RateBudget } from '../../store/rateLimit';

/** In this process, at least this long between two sends into the same conversation. */
export const CONVERSATION_SPACING_MS = 250;

export class SendPacer {
  private queue: Promise<void> = Promise.resolve();
  private readonly lastTo = new Map<string, number>();

  constructor(private readonly budget: RateBudget, private readonly now: () => number = Date.now, private readonly sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {}

  /** Resolves when this process may send one message into `conversationId`. */
  acquire(conversationId: string): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const { got, waitMs } = await this.budget.take(1, this.now());
        if (got > 0) break;
        await this.sleep(Math.max(5, waitMs));
      }
    });
    this.queue = turn.catch(() => {});
    return turn.then(async () => {
      const since = this.now() - (this.lastTo.get(conversationId) ?? 0);
      if (since < CONVERSATION_SPACING_MS) await this.sleep(CONVERSATION_SPACING_MS - since);
      this.lastTo.set(conversationId, this.now());
      if (this.lastTo.size > 10_000) this.lastTo.clear();
    });
  }

  /** Teams throttled the app: no process sends anything until `ms` from now. */
  holdFor(ms: number): Promise<void> {
    return this.budget.holdUntil(this.now() + ms);
  }
}
