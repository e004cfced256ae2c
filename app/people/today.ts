// What day it is for someone: where they are, as their Teams client said, or the organisation's zone.
import type { IsoDate } from '../../core/calendar';
import { localDate } from '../../core/zonedTime';
import type { AppDeps } from '../deps';

/** Today where the person is: their Teams time zone, or the organisation's. */
export async function todayFor(deps: Pick<AppDeps, 'conversations' | 'clock' | 'config'>, tenantId: string, personId: string): Promise<IsoDate> {
  const conversation = await deps.conversations.get(tenantId, personId);
  return localDate(deps.clock.now(), conversation?.timeZone ?? deps.config.timeZone);
}

/** Today in the organisation's own zone: for what is the same for everyone (an offer's day). */
export function orgToday(deps: Pick<AppDeps, 'clock' | 'config'>): IsoDate {
  return localDate(deps.clock.now(), deps.config.timeZone);
}
