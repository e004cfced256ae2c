// Paces Weave's proactive sends to the app's budget with Teams (policy: a little under its ~30 a
// second per app per tenant). Each process keeps the few tokens it took from the shared budget and
// hands them out one per send; when they run out it takes more, waiting if the budget is spent.
import type { RateBudget } from '../store/rateLimit';

/** Tokens taken from the shared budget at a time: fewer writes to it, a little less precision. */
const TAKE = 4;

export class SendPacer {
  private held = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly budget: RateBudget, private readonly now: () => number = Date.now, private readonly sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {}

  /** Resolves when this process may send one message. */
  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      while (this.held === 0) {
        const { got, waitMs } = await this.budget.take(TAKE, this.now());
        this.held += got;
        if (got === 0) await this.sleep(Math.max(5, waitMs));
      }
      this.held -= 1;
    });
    this.queue = turn.catch(() => {});
    return turn;
  }
}
