// Plans that decide, in the tab, in Chromium against the real local host and Azurite with the demo
// organisation: a team's manager agrees its priorities in My team (a stale agreement refused
// politely) and a member sees them in My plan; L&D set the year's budget, commission a line from a
// priority, make an offer of it (the composer filled from the line, the offer sent linked to it, so
// the line counts its places), record it delivered, and download the workbook, read back with exceljs.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoOrganisation } from '../../local/demo/load';
import { personaByKey, README_PEOPLE } from '../../local/demo/personas';
import { launchBrowser, plainPage } from '../support/browser';
import { startTestStack, testClock, type TestStack } from '../support/stack';

/** The page's globals, for code that runs in the browser (this project's types are Node's). */
type InPage = { sessionStorage: { setItem(k: string, v: string): void }; document: { activeElement: { id: string } | null } };
type ListItem = { querySelector(s: string): { textContent: string | null } | null };
const focused = (page: Page) => page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id);

const priya = personaByKey('practitioner');
const dana = personaByKey('manager');
const morgan = personaByKey('ld_admin');

describe('plans that decide, in the tab', () => {
  let stack: TestStack;
  let browser: Browser;
  const clock = testClock('2026-11-23T10:00:00Z');

  beforeAll(async () => {
    stack = await startTestStack({ clock, tenantId: undefined, devSignInFirst: README_PEOPLE });
    // This year's plan undecided: these tests decide it, from the start of a council's year.
    await loadDemoOrganisation(stack.rt, stack.tenantId, { yearPlan: false });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A page of its own, signed in as this person, on this page of the tab, once it has loaded. */
  async function openAs(who: { aadObjectId: string; name: string }, hash: string): Promise<Page> {
    const page = await plainPage(browser, { width: 1280, height: 900 });
    await page.addInitScript((t) => (globalThis as unknown as InPage).sessionStorage.setItem('weave.devToken', t), stack.rt.devSignIn!.sign(who.aadObjectId, who.name));
    await page.goto(`${stack.host.url}/api/tab/${hash}`);
    // The first page built the tab's script on the way.
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 20_000 }).toMatch(/loaded$/);
    return page;
  }

  async function fillPriority(page: Page, n: number, code: string | null, why: string, term: string) {
    const row = page.getByRole('group', { name: `Priority ${n}` });
    if (code) await row.getByLabel('Area or sub-heading').selectOption(code);
    await row.getByLabel('Why, in a line').fill(why);
    await row.getByLabel('Target term').selectOption(term);
  }

  it('lets a team manager agree the team’s priorities, refuses a stale agreement, and shows them to a member', async () => {
    const page = await openAs(dana, '#/team');
    // Someone else (the same manager in another window) has the form open too, from before.
    const other = await openAs(dana, '#/team');
    try {
      await page.getByRole('button', { name: 'Agree team priorities' }).click();
      const form = page.getByRole('form', { name: /^Agree PaCT's priorities/ });
      // The team plan's most needed areas come first, one row each.
      expect(await form.getByLabel('Area or sub-heading').evaluateAll((selects) => selects.map((s) => (s as unknown as { value: string }).value))).toEqual(['CC3', 'CC5']);
      await fillPriority(page, 1, null, 'Court work is where the team feels least sure.', 'Summer 2027');
      await fillPriority(page, 2, null, 'Strategy meetings go better when we know each agency.', 'Spring 2027');
      await form.getByRole('button', { name: 'Add a priority' }).click();
      await form.getByRole('button', { name: 'Add a priority' }).click();
      await fillPriority(page, 3, 'CC2.S1', 'Seeing what a child’s day is like.', 'Summer 2027');
      await form.getByRole('button', { name: 'Remove priority 4' }).click();
      expect(await form.getByRole('group', { name: /^Priority \d$/ }).count()).toBe(3);
      await form.getByRole('button', { name: 'Agree these priorities' }).click();

      const agreed = page.getByRole('region', { name: 'Team priorities for 2026–27' });
      await expect.poll(() => agreed.textContent()).toContain('Version 1, agreed by Dana Hughes on 23 November 2026.');
      expect(await agreed.locator('li strong').allTextContents()).toEqual(['CC3 Safeguarding', 'CC5 Multi-agency working', 'CC2.S1 Observation and judgement']);
      await expect.poll(() => page.locator('#status').textContent()).toBe('The team\'s priorities are agreed (version 1).');
      // The team's self-ratings beside the organisation's.
      expect(await page.locator('table.bars caption', { hasText: 'Mean self-rating at appraisal' }).count()).toBe(1);

      // The other window agrees over what it saw (nothing): refused with a sentence, nothing lost.
      await other.getByRole('button', { name: 'Agree team priorities' }).click();
      await fillPriority(other, 1, null, 'Safeguarding first.', 'Spring 2027');
      await fillPriority(other, 2, null, 'Multi-agency next.', 'Summer 2027');
      await other.getByRole('button', { name: 'Agree these priorities' }).click();
      await expect.poll(() => other.getByRole('alert').filter({ hasText: /\S/ }).textContent()).toBe('Dana Hughes changed the team\'s priorities at the same time (version 1). Look at them again, then agree.');
      expect((await stack.rt.agreements.listForYear(stack.tenantId, '2026-04-01'))[0]!.version).toBe(1);
    } finally {
      await page.context().close();
      await other.context().close();
    }

    const member = await openAs(priya, '#/me');
    try {
      const section = member.getByRole('region', { name: 'Your team\'s priorities for 2026–27' });
      const items = section.getByRole('listitem');
      expect(await items.count()).toBe(3);
      // Her own open needs are in safeguarding and multi-agency working; none in child development.
      const marked = await items.evaluateAll((lis) => (lis as unknown as ListItem[]).map((li) => `${li.querySelector('strong')!.textContent}: ${li.querySelector('.tag') ? 'touches' : '-'}`));
      expect(marked).toEqual(['CC3 Safeguarding: touches', 'CC5 Multi-agency working: touches', 'CC2.S1 Observation and judgement: -']);
      expect(await section.textContent()).toContain('By Summer 2027');
    } finally {
      await member.context().close();
    }
  }, 60_000);

  it('lets L&D budget the year, commission a line, offer it, record it delivered and download the plan', async () => {
    const page = await openAs(morgan, '#/org');
    try {
      const plan = page.getByRole('region', { name: 'This year\'s plan (2026–27)' });
      expect(await plan.textContent()).toContain('1 of 8 teams have agreed their priorities for 2026–27; the date to agree by, 12 July 2026, has passed.');

      // The budget: two lines.
      await plan.getByRole('button', { name: 'Edit the budget' }).click();
      const budget = page.getByRole('form', { name: 'This year’s budget lines' });
      await budget.getByRole('group', { name: 'Budget line 1' }).getByLabel('Name').fill('Workforce development grant');
      await budget.getByRole('group', { name: 'Budget line 1' }).getByLabel('Pounds').fill('25,000');
      await budget.getByRole('button', { name: 'Add a budget line' }).click();
      await budget.getByRole('group', { name: 'Budget line 2' }).getByLabel('Name').fill('Early help training');
      await budget.getByRole('button', { name: 'Save the budget' }).click();
      // A line without an amount is refused in the server's words.
      await expect.poll(() => budget.getByRole('alert').textContent()).toBe('Each budget line needs an amount in pounds, like 25,000.');
      await budget.getByRole('group', { name: 'Budget line 2' }).getByLabel('Pounds').fill('8000');
      await budget.getByRole('button', { name: 'Save the budget' }).click();
      await expect.poll(() => page.locator('#status').textContent()).toBe('The budget is saved.');
      expect(await plan.locator('dl.facts').textContent()).toBe('Total£33,000Committed£0Spent£0Left£33,000');

      // Commission a line from the safeguarding priority, delivered by staff of ours.
      await page.getByRole('article', { name: 'CC3 Safeguarding' }).getByRole('button', { name: 'Commission a line for CC3 Safeguarding' }).click();
      const line = page.getByRole('form', { name: 'Add a commissioning line' });
      expect(await line.getByLabel('Priority it answers').inputValue()).toBe('CC3');
      await expect.poll(() => focused(page)).toBe('line-title');
      await line.getByLabel('What it is').fill('Safeguarding adolescents: a practice workshop');
      await line.getByRole('group', { name: /^For teams/ }).getByRole('checkbox', { name: 'PaCT' }).check();
      await line.getByRole('radio', { name: 'Staff of ours' }).check();
      const staff = line.getByRole('group', { name: 'Staff of ours who deliver it' });
      await staff.getByLabel('Filter').fill('Amy');
      await staff.getByRole('checkbox', { name: /^Amy Walker/ }).check();
      await line.getByLabel('Places', { exact: true }).fill('12');
      await line.getByLabel('Estimated cost (£)').fill('1,800');
      await line.getByLabel('Budget line').fill('Workforce development grant');
      await line.getByRole('button', { name: 'Add the line' }).click();
      await expect.poll(() => page.locator('#status').textContent()).toBe('The line is added.');
      const row = plan.getByRole('row', { name: /Safeguarding adolescents/ });
      expect(await row.textContent()).toContain('Our staff: Amy Walker');
      expect(await row.textContent()).toContain('Proposed');

      // Create offer: the composer is filled from the line; L&D add when and where, and send.
      await row.getByRole('button', { name: 'Create offer from “Safeguarding adolescents: a practice workshop”' }).click();
      await expect.poll(() => focused(page)).toBe('offer-title');
      const composer = page.getByRole('form', { name: 'New learning offer' });
      expect(await composer.getByLabel('Title').inputValue()).toBe('Safeguarding adolescents: a practice workshop');
      expect(await composer.getByLabel('Places', { exact: true }).inputValue()).toBe('12');
      expect(await composer.getByRole('group', { name: 'Areas of the Common Core' }).getByRole('checkbox', { name: 'CC3 Safeguarding' }).isChecked()).toBe(true);
      expect(await composer.getByRole('group', { name: /^Teams/ }).getByRole('checkbox', { name: 'PaCT' }).isChecked()).toBe(true);
      expect(await composer.textContent()).toContain('Made from the plan\'s line “Safeguarding adolescents: a practice workshop”');
      const previews: { line?: string | null; trigger?: string | null }[] = [];
      page.on('request', (r) => { if (r.url().endsWith('/offers/preview')) previews.push(r.postDataJSON() as { line?: string | null; trigger?: string | null }); });
      await composer.getByLabel('Description').fill('Exploitation, going missing and contextual safeguarding, with practice examples.');
      await composer.getByLabel('Date').fill('2026-12-10');
      await composer.getByLabel('Bookings close').fill('2026-12-08');
      await composer.getByLabel('Where').fill('Civic Centre, Room 3');
      const send = page.getByRole('button', { name: 'Send now' });
      await expect.poll(() => send.isEnabled()).toBe(true);
      const [lineRow] = await stack.rt.commissioning.listLines(stack.tenantId, '2026-04-01');
      expect(previews.at(-1)?.line).toBe(lineRow!.lineId);
      await send.click();

      // The offer sent is the line's: the line counts its places and has moved on to offered.
      await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('12 offered');
      expect(await row.textContent()).toContain('Offered');
      const offer = (await stack.rt.offers.list(stack.tenantId)).find((o) => o.title === 'Safeguarding adolescents: a practice workshop')!;
      expect((await stack.rt.commissioning.listLines(stack.tenantId, '2026-04-01'))[0]!.offerIds).toEqual([offer.offerId]);
      expect(await plan.locator('dl.facts').textContent()).toBe('Total£33,000Committed£1,800Spent£0Left£31,200');

      // Delivered: what it actually cost is asked on the way.
      await row.getByRole('button', { name: /^Move to Delivered/ }).click();
      await row.getByLabel('Actual cost (£)').fill('1,650');
      await row.getByRole('button', { name: 'Move to Delivered' }).click();
      await expect.poll(() => page.locator('#status').textContent()).toBe('“Safeguarding adolescents: a practice workshop” is now delivered.');
      expect(await row.textContent()).toContain('£1,650 actual');
      expect(await plan.locator('dl.facts').textContent()).toBe('Total£33,000Committed£1,650Spent£1,650Left£31,350');

      // The workbook: fetched with the session's token, saved from memory.
      const [download] = await Promise.all([page.waitForEvent('download'), plan.getByRole('button', { name: 'Download the plan (Excel)' }).click()]);
      expect(download.suggestedFilename()).toBe('learning-and-development-plan-2026-27.xlsx');
      expect(download.url()).toMatch(/^blob:/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await download.path());
      expect(book.worksheets.map((w) => w.name)).toEqual(['Priorities', 'Commissioning', 'Budget', 'Equity', 'Benchmark', 'Triggers', 'Team priorities', 'Integration pulse']);
      const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
      expect(rows('Commissioning')[1]).toEqual(['Safeguarding adolescents: a practice workshop', 'CC3', 'Bite-size workshop', 'PaCT', 'Staff of ours', 12, 12, 0, 0, 1800, 1650, 'Workforce development grant', 'Delivered']);
      expect(rows('Budget').at(-1)).toEqual(['Total', 33000, 1650, 1650, 31350]);
      expect(rows('Team priorities').slice(1).map((r) => r[3])).toEqual(['CC3 Safeguarding', 'CC5 Multi-agency working', 'CC2.S1 Observation and judgement']);
      // No cell names anyone: not the staff who deliver the line, not the manager who agreed.
      const names = (await stack.rt.people.list(stack.tenantId)).flatMap((p) => [p.displayName, p.preferredName ?? '']).filter((n) => n.includes(' '));
      const cells = book.worksheets.flatMap((w) => rows(w.name).flat()).map(String);
      expect(cells.filter((c) => names.some((n) => c.includes(n)))).toEqual([]);

      // A learning trigger's briefing: the composer filled as a 7-minute briefing, linked to the trigger.
      const triggers = page.getByRole('region', { name: 'Learning triggers' });
      await triggers.getByRole('button', { name: /^Create briefing on “Local child safeguarding practice review/ }).click();
      await expect.poll(() => focused(page)).toBe('offer-title');
      expect(await composer.getByLabel('Title').inputValue()).toMatch(/^7-minute briefing: Local child safeguarding practice review/);
      expect(await composer.getByLabel('Format', { exact: true }).inputValue()).toBe('briefing');
      expect(await composer.getByRole('group', { name: /^Teams/ }).getByRole('checkbox', { name: 'MASH' }).isChecked()).toBe(true);
      expect(await composer.textContent()).toContain('A briefing on the learning trigger “Local child safeguarding practice review');
      const [trigger] = (await stack.rt.plans.listTriggers(stack.tenantId)).filter((t) => t.summary.startsWith('Local child safeguarding'));
      await composer.getByLabel('Date').fill('2026-12-11');
      await composer.getByLabel('Bookings close').fill('2026-12-09');
      await composer.getByLabel('Online link').fill('https://teams.microsoft.com/l/meetup-join/briefing');
      await expect.poll(() => previews.at(-1)?.trigger).toBe(trigger!.triggerId);

      // Closing a trigger asks why, and keeps its record, closed.
      await triggers.getByRole('button', { name: /^Close “Local child safeguarding practice review/ }).click();
      await triggers.getByLabel('Why it is closed').fill('Briefings held in every affected team');
      await triggers.getByRole('button', { name: 'Close it' }).click();
      await expect.poll(async () => (await stack.rt.plans.getTrigger(stack.tenantId, trigger!.triggerId))?.closed?.note).toBe('Briefings held in every affected team');
      // The page says so once the answer is back (the store has it a moment before).
      await expect.poll(() => triggers.textContent()).toContain('Closed: Briefings held in every affected team');
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
