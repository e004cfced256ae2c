// Turns declarations into Azure Functions handlers. Both hosts use these, so a handler behaves the
// same in Azure and on a developer machine: same logging context, same error handling, same
// scheduling rule for timers.
import type { HttpHandler, InvocationContext, StorageQueueHandler, TimerHandler } from '@azure/functions';
import { errorFields } from '../core/log';
import { localWallClock, parseSchedule, previousOccurrence } from '../core/ncrontab';
import { withInvocation } from './invocationLog';
import type { FunctionHost } from './host';
import { scheduleOf, type HttpFunction, type QueueFunction, type TimerFunction } from './declarations';

export type RuntimeProvider = () => Promise<FunctionHost>;

export function bindHttp(decl: HttpFunction, runtime: RuntimeProvider): HttpHandler {
  return (request, context) => withInvocation(context, async () => {
    const rt = await runtime();
    try {
      return await decl.handler(rt, request, context);
    } catch (err) {
      rt.log.error('http.failed', { ...errorFields(err), fn: decl.name });
      return { status: 500, jsonBody: { error: 'Weave could not handle this request' } };
    }
  });
}

export function bindQueue(decl: QueueFunction, runtime: RuntimeProvider): StorageQueueHandler {
  return (message, context) => withInvocation(context, async () => {
    const rt = await runtime();
    try {
      await decl.handler(rt, message, context);
    } catch (err) {
      rt.log.warn('queue.failed', { ...errorFields(err), fn: decl.name, dequeueCount: Number(context.triggerMetadata?.dequeueCount ?? 0) });
      throw err; // the host retries, then moves the message to the poison queue
    }
  });
}

/**
 * A host that missed an occurrence (it was down, or restarted) still runs the most recent one, if
 * it is no older than this. Older occurrences are skipped: every job works from stored state, so
 * the next run catches up anyway.
 */
export const CATCH_UP_HOURS = 24;

export type ScheduledOutcome =
  | { ran: true; occurrence: string; summary: string }
  | { ran: false; occurrence: string | null; reason: 'not-due' | 'claimed' };

/**
 * Runs the job for its latest occurrence at or before `now`, unless some host already has. The
 * claim is a row in Table Storage, so two hosts, two ticks or a restart never run one occurrence twice.
 */
export async function runIfDue(decl: TimerFunction, rt: FunctionHost, now: Date): Promise<ScheduledOutcome> {
  const occurrence = previousOccurrence(parseSchedule(scheduleOf(decl, rt.config)), now, rt.config.timeZone);
  if (now.getTime() - occurrence.getTime() > CATCH_UP_HOURS * 3_600_000) return { ran: false, occurrence: null, reason: 'not-due' };
  // Claimed by wall-clock time, so the two instants of an hour the autumn change repeats run once.
  const key = localWallClock(occurrence, rt.config.timeZone);
  const won = (await rt.jobRuns.claim(decl.name, key, now.toISOString())) || (await rt.jobRuns.reclaimFailed(decl.name, key, now.toISOString()));
  if (!won) return { ran: false, occurrence: occurrence.toISOString(), reason: 'claimed' };
  const log = rt.log.with({ job: decl.name, occurrence: key });
  try {
    const summary = await decl.run(rt);
    await rt.jobRuns.finish(decl.name, key, { status: 'done', finishedAt: rt.clock.now().toISOString(), summary });
    log.info('job.done', { summary });
    return { ran: true, occurrence: occurrence.toISOString(), summary };
  } catch (err) {
    await rt.jobRuns.finish(decl.name, key, { status: 'failed', finishedAt: rt.clock.now().toISOString(), summary: (err as Error).message?.slice(0, 200) ?? 'failed' });
    log.error('job.failed', errorFields(err));
    throw err;
  }
}

/**
 * Azure's timer trigger fires every few minutes in UTC (not every Linux plan honours
 * WEBSITE_TIME_ZONE); each tick asks runIfDue whether the job's own schedule, in the
 * organisation's zone, has an occurrence nobody has run yet.
 */
export const AZURE_TIMER_TICK = '0 */5 * * * *';

export function bindTimer(decl: TimerFunction, runtime: RuntimeProvider): TimerHandler {
  return (_timer, context: InvocationContext) => withInvocation(context, async () => {
    const rt = await runtime();
    await runIfDue(decl, rt, rt.clock.now());
  });
}
