// `npm run docs:cards`: pictures of Weave's main cards for the README, rendered by the adaptivecards
// SDK (the renderer Teams' own is built on) in Chromium, from the same builders the bot uses.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { sessionAnswersCard } from '../cards/sessionAnswers';
import { appraisalPromptCard, supervisionPromptCard, type PromptHeader } from '../cards/sessionPrompt';
import { teamStatusCard } from '../cards/teamStatus';
import { helpCard } from '../cards/help';
import type { AdaptiveCardJson } from '../core/conversation';
import { launchBrowser } from '../test/support/browser';
import type * as AdaptiveCardsModule from 'adaptivecards';

const require = createRequire(import.meta.url);
const OUT = fileURLToPath(new URL('./images/', import.meta.url));

const header = (title: string, eyebrow: string, subtitle: string): PromptHeader => ({
  cardId: '00000000-0000-4000-8000-000000000000', eyebrow, title, subtitle, note: null, errors: [], warnings: [],
  verbs: { submit: 'x', snooze: 'x', moved: 'x' }, minDate: '2026-12-02', snoozable: true, supervisorFirstName: 'Dana',
});

const CARDS: Record<string, AdaptiveCardJson> = {
  'prompt-supervision': supervisionPromptCard(
    header('Supervision with Dana Hughes on Friday 4 December at 10:00', 'Preparing for supervision', 'At least 90 minutes, uninterrupted. Only you and Dana see your answers; you can change them until the day.'),
    { wentWell: 'The family meeting went better than I feared.', what: 'Court deadlines stacked up this month.', need1Area: 'CC3', need1Text: 'Writing court statements that stand up', need1Activity: 'mentoring' },
  ),
  'prompt-appraisal': appraisalPromptCard(
    header('Appraisal with Dana Hughes on Thursday 15 April', 'Preparing for your appraisal', 'Only you and Dana see your answers. You can change them until the day.'),
    { sa_CC1: '3', sa_CC5: '2' },
    { selfAssessment: true, midYear: false, review: [{ id: 'review1', label: 'CC5 Multi-agency working: Chairing multi-agency meetings', value: 'met' }] },
  ),
  'summary-supervisor': sessionAnswersCard({
    eyebrow: 'Before your supervision', title: 'Priya Shah: supervision on Friday 4 December at 10:00',
    status: 'Priya has prepared. Snoozed once (court week).', tone: 'default',
    sections: [
      { heading: 'What has gone well', paragraphs: ['The family meeting went better than I feared.'] },
      { heading: 'What?', paragraphs: ['Court deadlines stacked up this month.'] },
      { heading: 'Now what?', paragraphs: ['Plan my week around statements.'] },
      { heading: 'Learning they would like', paragraphs: ['CC3 Safeguarding: Writing court statements that stand up (would like: Mentoring)'] },
    ],
    footer: 'Only you can see this. Priya wrote it for your supervision.', edit: null,
  }),
  'team-status': teamStatusCard({
    title: 'Your team: supervision and appraisal',
    summary: '7 people · 4 prepared for their next supervision · 1 overdue · 1 not reachable in Teams',
    people: [
      { name: 'Priya Shah', role: 'Social Worker (ASYE) · Social worker', facts: [{ title: 'Next supervision', value: 'Friday 4 December (recorded)' }, { title: 'Preparation', value: 'prepared' }, { title: 'Appraisal', value: 'Thursday 15 April (expected by policy)' }] },
      { name: 'Kelly Nash', role: 'Social Care Practitioner · Social care practitioner', facts: [{ title: 'Next supervision', value: 'Wednesday 9 December (expected by policy)' }, { title: 'Overdue', value: 'due Monday 9 November; last recorded Friday 9 October' }, { title: 'Appraisal', value: 'Thursday 15 April (expected by policy)' }] },
    ],
    footer: 'Only you see this. Record dates with supervision; Weave then prepares people before each one.',
  }),
  help: helpCard({
    title: 'What you can do, Dana', intro: 'Type any of these in this chat.',
    sections: [
      { heading: 'Getting started', commands: [{ name: 'help', summary: 'See what Weave can do for you.' }, { name: 'profile', summary: 'See your details from HR and change your settings.' }] },
      { heading: 'For line managers', commands: [{ name: 'supervision', summary: "Record the date of a report's supervision, appraisal or mid-year review." }, { name: 'team status', summary: "See each report's next supervision and appraisal." }] },
    ],
    footer: 'Weave keeps your development record private: only you and your line manager see your details.',
    buttons: [{ title: 'My profile', command: 'profile' }],
  }),
};

const page = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; background: #f5f5f5; font-family: "Segoe UI", system-ui, sans-serif; }
  .frame { width: 460px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.2); padding: 4px; }
  ${readFileSync(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8')}
</style></head><body><div class="frame" id="frame"></div>
<script>${readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf8')}</script></body></html>`;

mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
const tab = await browser.newPage({ viewport: { width: 520, height: 800 }, deviceScaleFactor: 1 });
await tab.setContent(page);
for (const [name, card] of Object.entries(CARDS)) {
  await tab.evaluate((json) => {
    // Runs in the page, where the SDK's UMD build put AdaptiveCards on the window.
    const page = globalThis as unknown as { AdaptiveCards: typeof AdaptiveCardsModule; document: { getElementById(id: string): { replaceChildren(node: unknown): void } } };
    const adaptive = new page.AdaptiveCards.AdaptiveCard();
    adaptive.hostConfig = new page.AdaptiveCards.HostConfig({ fontFamily: 'Segoe UI, system-ui, sans-serif', containerStyles: { emphasis: { backgroundColor: '#F0F4F5' } } });
    adaptive.parse(json);
    page.document.getElementById('frame').replaceChildren(adaptive.render());
  }, card);
  await tab.locator('#frame').screenshot({ path: `${OUT}${name}.png` });
  console.log(`wrote docs/images/${name}.png`);
}
await browser.close();
