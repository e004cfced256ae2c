// Teams' documented rate limits for a bot's sends, as the fake Bot Connector enforces them: 50 a
// second per app per tenant, and per conversation 7 a second, 60 in 30 seconds and 1,800 an hour.
// Over any of them Teams answers 429 with Retry-After; so does the fake, with the seconds until the
// window that was full has room again.

export interface Window {
  count: number;
  seconds: number;
}

export interface TeamsLimits {
  /** Every send of the app (one tenant here). */
  app: Window[];
  /** Sends into any one conversation. */
  conversation: Window[];
}

export const TEAMS_LIMITS: TeamsLimits = {
  app: [{ count: 50, seconds: 1 }],
  conversation: [{ count: 7, seconds: 1 }, { count: 60, seconds: 30 }, { count: 1800, seconds: 3600 }],
};

/** Send times, oldest first, kept as long as the longest window needs them. */
class SendLog {
  private readonly times: number[] = [];

  /** Seconds until every window has room for one more (0: send now), given `now`. */
  wait(windows: Window[], now: number): number {
    let waitMs = 0;
    for (const w of windows) {
      const since = now - w.seconds * 1000;
      const inWindow = this.countAfter(since);
      // Full: it has room once the oldest send in it leaves.
      if (inWindow >= w.count) waitMs = Math.max(waitMs, this.times[this.times.length - w.count]! + w.seconds * 1000 - now);
    }
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  record(now: number, keepSeconds: number) {
    this.times.push(now);
    const drop = this.countAtOrBefore(now - keepSeconds * 1000);
    if (drop > 0) this.times.splice(0, drop);
  }

  get size() {
    return this.times.length;
  }

  private countAfter(t: number): number {
    return this.times.length - this.countAtOrBefore(t);
  }

  /** Binary search: how many sends happened at or before `t`. */
  private countAtOrBefore(t: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Keeps the sends it has allowed and answers, for each new one, whether Teams would take it now. */
export class TeamsThrottle {
  private readonly app = new SendLog();
  private readonly conversations = new Map<string, SendLog>();

  constructor(private readonly limits: () => TeamsLimits | null) {}

  /** Retry-After seconds if this send is over a limit (nothing recorded); otherwise null, and the send is counted. */
  admit(conversationId: string, now = Date.now()): number | null {
    const limits = this.limits();
    if (!limits) return null;
    let conversation = this.conversations.get(conversationId);
    const retryAfter = Math.max(this.app.wait(limits.app, now), conversation?.wait(limits.conversation, now) ?? 0);
    if (retryAfter > 0) return retryAfter;
    if (!conversation) this.conversations.set(conversationId, (conversation = new SendLog()));
    this.app.record(now, longest(limits.app));
    conversation.record(now, longest(limits.conversation));
    return null;
  }
}

const longest = (windows: Window[]) => Math.max(0, ...windows.map((w) => w.seconds));
