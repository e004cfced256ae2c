// One timer function, fired at each occurrence of its NCRONTAB schedule in the organisation's zone
// (after catching up on one missed while the stack was down).
import type { Timer } from '@azure/functions';
import { nextOccurrence, parseSchedule } from '../../core/ncrontab';
import { bindTimer } from '../bind';
import { scheduleOf, type TimerFunction } from '../declarations';
import type { FunctionHost } from '../host';
import { sleep, type ContextFor, type Log } from './loops';

export async function runTimer(rt: FunctionHost, decl: TimerFunction, contextFor: ContextFor, log: Log, signal: AbortSignal): Promise<void> {
  let schedule;
  try {
    schedule = parseSchedule(scheduleOf(decl, rt.config));
  } catch (err) {
    log('error', decl.name, `not scheduled: ${(err as Error).message}`);
    return;
  }
  const handler = bindTimer(decl, () => Promise.resolve(rt));
  const tick = async () => {
    try {
      await handler({ isPastDue: false, schedule: { adjustForDST: true } } as Timer, contextFor(decl.name));
    } catch (err) {
      log('error', decl.name, `failed: ${(err as Error).message}`);
    }
  };
  await tick(); // catch up on an occurrence missed while the stack was down
  while (!signal.aborted) {
    const next = nextOccurrence(schedule, new Date(), rt.config.timeZone);
    // Long waits are chunked so a sleeping laptop or a clock change is noticed within the hour.
    await sleep(Math.min(next.getTime() - Date.now(), 3_600_000), signal);
    if (!signal.aborted && Date.now() >= next.getTime()) await tick();
  }
}
