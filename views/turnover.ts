// How L&D's turnover totals read: one line a group, hidden counts "not shown".
import type { TurnoverRow } from '../core/turnover';

/** "24 people · 5 left (21%) · 3.1 CPD records and 0.8 places a head" */
export function turnoverLine(r: TurnoverRow): string {
  const left = r.leavers === null ? 'leavers not shown' : `${r.leavers} left (${r.ratePercent}%)`;
  return `${r.people} people · ${left} · ${r.cpdPerHead} CPD records and ${r.placesPerHead} places a head`;
}
