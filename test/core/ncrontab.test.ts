import { describe, expect, it } from 'vitest';
import { nextOccurrence, parseSchedule, previousOccurrence, ScheduleError } from '../../core/ncrontab';

const LONDON = 'Europe/London';
const next = (expr: string, after: string) => nextOccurrence(parseSchedule(expr), new Date(after), LONDON).toISOString();
const prev = (expr: string, at: string) => previousOccurrence(parseSchedule(expr), new Date(at), LONDON).toISOString();

describe('NCRONTAB schedules in Europe/London', () => {
  it('fires 08:30 London time on weekdays, in GMT and in BST', () => {
    const weekdays = '0 30 8 * * 1-5';
    expect(next(weekdays, '2026-01-14T12:00:00Z')).toBe('2026-01-15T08:30:00.000Z'); // Thursday, GMT
    expect(next(weekdays, '2026-07-15T12:00:00Z')).toBe('2026-07-16T07:30:00.000Z'); // Thursday, BST
    expect(next(weekdays, '2026-01-16T09:00:00Z')).toBe('2026-01-19T08:30:00.000Z'); // Friday → Monday
  });

  it('crosses the clock changes without skipping or doubling a day', () => {
    const daily = '0 30 8 * * *';
    expect(next(daily, '2026-03-28T09:00:00Z')).toBe('2026-03-29T07:30:00.000Z'); // the Sunday clocks go forward
    expect(next(daily, '2026-10-24T09:00:00Z')).toBe('2026-10-25T08:30:00.000Z'); // the Sunday clocks go back
    // 01:30 does not exist on 29 March 2026 in London: the next 01:30 is the day after.
    expect(next('0 30 1 * * *', '2026-03-28T12:00:00Z')).toBe('2026-03-30T00:30:00.000Z');
  });

  it('knows names, lists, ranges and steps', () => {
    expect(next('0 0 9 * * MON', '2026-11-22T00:00:00Z')).toBe('2026-11-23T09:00:00.000Z');
    expect(next('0 */5 * * * *', '2026-11-22T10:02:10Z')).toBe('2026-11-22T10:05:00.000Z');
    expect(next('0 0 9 1 JAN,JUL *', '2026-02-01T00:00:00Z')).toBe('2026-07-01T08:00:00.000Z');
    expect(next('0 0 9 * * 7', '2026-11-22T10:00:00Z')).toBe('2026-11-29T09:00:00.000Z'); // 7 is Sunday too
    expect(next('15,45 * * * * *', '2026-11-22T10:00:20Z')).toBe('2026-11-22T10:00:45.000Z');
  });

  it('requires day-of-month and day-of-week both to match', () => {
    expect(next('0 0 9 13 * FRI', '2026-01-01T00:00:00Z')).toBe('2026-02-13T09:00:00.000Z'); // Friday the 13th
  });

  it('finds the latest occurrence at or before a moment', () => {
    expect(prev('0 30 8 * * 1-5', '2026-11-23T08:30:00Z')).toBe('2026-11-23T08:30:00.000Z');
    expect(prev('0 30 8 * * 1-5', '2026-11-23T08:29:59Z')).toBe('2026-11-20T08:30:00.000Z'); // back over the weekend
    expect(prev('0 30 8 * * *', '2026-07-16T07:45:00Z')).toBe('2026-07-16T07:30:00.000Z'); // BST
    expect(prev('0 */5 * * * *', '2026-11-22T10:04:59Z')).toBe('2026-11-22T10:00:00.000Z');
  });

  it('agrees with itself: the previous occurrence of the next is the next', () => {
    const s = parseSchedule('0 15 7,19 * * 1-5');
    let t = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 200; i++) {
      const n = nextOccurrence(s, t, LONDON);
      expect(previousOccurrence(s, n, LONDON)).toEqual(n);
      expect(previousOccurrence(s, new Date(n.getTime() - 1000), LONDON).getTime()).toBeLessThan(n.getTime());
      t = n;
    }
  });

  it('refuses what Azure would refuse, saying why', () => {
    expect(() => parseSchedule('30 8 * * 1-5')).toThrow(/expected 6 fields/);
    expect(() => parseSchedule('0 61 * * * *')).toThrow(/minute "61" is outside 0-59/);
    expect(() => parseSchedule('0 0 9 * * FUNDAY')).toThrow(ScheduleError);
    expect(() => parseSchedule('0 0 9 5-1 * *')).toThrow(/runs backwards/);
    expect(() => next('0 0 0 30 2 *', '2026-01-01T00:00:00Z')).toThrow(/never fires/);
  });
});

describe('schedules across the 23- and 25-hour days', () => {
  it('finds occurrences just after midnight on the day the clocks go forward', () => {
    expect(next('0 30 0 * * MON', '2026-03-28T23:59:59Z')).toBe('2026-03-29T23:30:00.000Z'); // 00:30 BST, Monday 30 March
    expect(next('0 30 0 30 3 *', '2026-03-28T12:00:00Z')).toBe('2026-03-29T23:30:00.000Z');
    expect(next('0 0 0 * * *', '2026-03-28T12:00:00Z')).toBe('2026-03-29T00:00:00.000Z'); // midnight GMT, then
    expect(next('0 0 0 * * *', '2026-03-29T00:00:00Z')).toBe('2026-03-29T23:00:00.000Z'); // midnight BST
  });

  it('does not skip the end of the day before, looking back over the change', () => {
    expect(prev('0 30 23 * * *', '2026-03-29T02:00:00Z')).toBe('2026-03-28T23:30:00.000Z');
    expect(prev('0 30 23 * * *', '2026-10-25T03:00:00Z')).toBe('2026-10-24T22:30:00.000Z');
  });

  it('names both instants of a repeated hour by one wall-clock time', async () => {
    const { localWallClock } = await import('../../core/ncrontab');
    const first = nextOccurrence(parseSchedule('0 30 1 * * *'), new Date('2026-10-24T12:00:00Z'), LONDON);
    const second = nextOccurrence(parseSchedule('0 30 1 * * *'), first, LONDON);
    expect([first.toISOString(), second.toISOString()]).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(localWallClock(first, LONDON)).toBe(localWallClock(second, LONDON));
  });
});
