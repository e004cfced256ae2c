// Every prompt goes on its day, even when its day is the day of the session before (weekly
// sessions over Easter and Christmas) or the policy's notice is longer than the interval: sessions
// are planned as far ahead as the notice needs. Observed before: a newly qualified social worker who
// started on Thursday 13 March 2025 was prompted for Thursday 24 April on 22 April, not 17 April.
import { afterEach, describe, expect, it } from 'vitest';
import { runSessionPrompts } from '../../jobs/sessionPrompts';
import { addDays, workingCalendar, workingDaysBefore } from '../../core/calendar';
import { parseCadencePolicy, type CadencePolicy } from '../../core/cadencePolicy';
import { cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const cardIdOf = (card: unknown) => /"cardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(card))![1]!;

describe('prompts on their day', () => {
  let stack: TestStack;
  const clock = testClock('2025-03-13T09:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  afterEach(async () => stack?.stop());

  /**
   * Runs the job at 08:30 every day from `from` to `to` (London is on GMT or BST; 07:30 UTC is
   * 08:30 BST), Dana confirming each supervision held; answers the first prompt for each session,
   * by the day it arrived.
   */
  async function daily(from: string, to: string, policy?: CadencePolicy): Promise<Map<string, string>> {
    const firstPrompt = new Map<string, string>();
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const bst = day >= '2025-03-30' && day < '2025-10-26';
      clock.set(`${day}T${bst ? '07' : '08'}:30:00Z`);
      await runSessionPrompts(policy ? { ...stack.rt, policy } : stack.rt);
      await stack.drainOutbox();
      for (const card of stack.repliesTo(priya).cards) {
        const text = cardText(card);
        const on = /Supervision with Dana Hughes on (\w+ \d+ \w+(?: \d{4})?)/.exec(text)?.[1];
        if (on && !text.includes('Reminder') && !firstPrompt.has(on)) firstPrompt.set(on, day);
      }
      for (const card of stack.repliesTo(dana).cards) {
        if (cardText(card).includes('After supervision')) await stack.act(dana, 'outcome.held', { cardId: cardIdOf(card) });
      }
    }
    return firstPrompt;
  }

  async function nqsw(startDate: string) {
    clock.set(`${startDate}T09:00:00Z`);
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(dana, { profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId, careerStage: 'early_career', startDate }),
    ], startDate);
    for (const u of [dana, priya]) await stack.install(u);
  }

  it('prompts a newly qualified social worker for Thursday 24 April 2025 on Thursday 17 April, across Easter', async () => {
    await nqsw('2025-03-13');
    const prompts = await daily('2025-03-13', '2025-05-09');
    expect(prompts.get('Thursday 24 April')).toBe('2025-04-17');
    // And every other one three working days before its session, never later.
    const calendar = workingCalendar();
    const sessions = (await stack.rt.sessions.listBetween(stack.tenantId, '2025-03-14', '2025-05-09')).filter((s) => s.personId === priya.aadObjectId && s.kind === 'supervision');
    expect(sessions.map((s) => s.date)).toEqual(['2025-03-20', '2025-03-27', '2025-04-03', '2025-04-10', '2025-04-17', '2025-04-24', '2025-05-08']);
    for (const s of sessions.filter((x) => workingDaysBefore(x.date, 3, calendar) >= '2025-03-13')) {
      expect(s.promptSentAt?.slice(0, 10), s.date).toBe(workingDaysBefore(s.date, 3, calendar));
      expect(s.status, s.date).toBe(s.date < '2025-05-09' ? 'held' : 'upcoming');
    }
  });

  it('prompts for the Monday after Christmas on the day of the session before (weekly, 2026)', async () => {
    await nqsw('2026-12-07');
    const prompts = await daily('2026-12-07', '2027-01-06');
    // Weekly on Mondays: 28 December is a bank holiday, so that one is on the 29th — the day the prompt for 4 January falls due.
    expect(prompts.get('Tuesday 29 December')).toBe('2026-12-22');
    expect(prompts.get('Monday 4 January')).toBe('2026-12-29');
  });

  it('prompts on its day when the notice is longer than the interval', async () => {
    await nqsw('2025-03-13');
    const base = stack.rt.policy.versions[0]!;
    const longNotice = parseCadencePolicy({ version: 1, versions: [{ ...base, prompts: { ...base.prompts, workingDaysBefore: 8 } }] });
    const prompts = await daily('2025-03-13', '2025-04-25', longNotice);
    const calendar = workingCalendar();
    for (const date of ['2025-04-03', '2025-04-10', '2025-04-17', '2025-04-24']) {
      const label = cardLabel(date);
      expect(prompts.get(label), date).toBe(workingDaysBefore(date, 8, calendar));
    }
  });
});

function cardLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${d.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })} ${d.getUTCDate()} ${d.toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' })}`;
}
