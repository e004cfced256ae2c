// The CPD record in chat: log a piece of learning, see where you stand with your regulator, and
// download the record.
import { myCpdCard } from '../../cards/myCpd';
import { noticeCard } from '../../cards/notice';
import { addMonths, formatDate } from '../../core/calendar';
import { checkFacts, headline, periodLine, readinessNotes, readinessOf, recordDetail } from '../../views/cpd';
import type { Asking } from '../context';
import { issueCard } from '../flows/flow';
import { logCpdFlow } from '../flows/logCpd';
import { todayFor } from '../../app/people/today';
import type { CommandDef } from './command';
import { agree, plural } from '../../core/words';
import { createExportLinks } from '../../app/cpd/exports';
import { standingsFor } from '../../app/mandatory/standing';
import { standingFacts } from '../../views/mandatory';

/** How long an export link works: long enough to open on another device, short enough not to linger in chat. */
const SHOWN_RECORDS = 15;

export const logCpdCommand: CommandDef = {
  name: 'log cpd',
  aliases: ['add cpd', 'record cpd', 'cpd log'],
  summary: 'Record a piece of learning with your reflection and its impact, for your CPD record.',
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const card = await issueCard(deps, logCpdFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30, context: { model: 'what' } });
    return [{ card, summary: 'Log CPD' }];
  },
};

export const myCpdCommand: CommandDef = {
  name: 'my cpd',
  aliases: ['cpd', 'registration', 'my registration'],
  summary: "See your CPD record, what your regulator still needs this registration period, and your mandatory learning.",
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn, person }: Asking) {
    const me = person!;
    const [records, today] = await Promise.all([deps.cpd.listFor(turn.tenantId, me.aadObjectId), todayFor(deps, turn.tenantId, me.aadObjectId)]);
    const ready = readinessOf(deps.registration, me, records, today);
    const mandatory = standingFacts(await standingsFor(deps, me, today, records));
    const from = ready.period?.from ?? addMonths(today, -12);
    const inPeriod = records.filter((r) => r.date >= from).sort((a, b) => b.date.localeCompare(a.date));
    const earlier = records.length - inPeriod.length;
    const more = inPeriod.length - SHOWN_RECORDS;
    const tone = headline(ready);
    return [{
      card: myCpdCard({
        title: 'Your CPD',
        period: periodLine(ready),
        headline: tone.text,
        tone: tone.tone,
        checks: checkFacts(ready),
        mandatory,
        notes: [
          ...readinessNotes(ready),
          ...(more > 0 ? [`And ${more} more this period.`] : []),
          ...(earlier > 0 ? [`${plural(earlier, 'earlier piece', 'earlier pieces')} of CPD ${agree(earlier, 'is', 'are')} in your export.`] : []),
        ],
        records: inPeriod.slice(0, SHOWN_RECORDS).map((r) => ({ date: formatDate(r.date), title: r.title, detail: recordDetail(r) })),
        empty: inPeriod.length === 0 ? 'Nothing recorded this period yet. Log CPD as it happens: supervision, shadowing and reading all count.' : '',
      }),
      summary: 'Your CPD',
    }];
  },
};

export const exportCpdCommand: CommandDef = {
  name: 'export cpd',
  aliases: ['export', 'download cpd'],
  summary: 'Download your CPD record and plan for your regulator (Markdown and CSV).',
  audience: 'staff',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const links = await createExportLinks(deps, turn.tenantId, turn.user.aadObjectId);
    return [{
      card: noticeCard({
        title: 'Your CPD record',
        lines: [
          'Your record and your current plan, ready to download. Only your own data is in it.',
          `These links work for ${links.hours} hours and only for you: please don't forward them.`,
        ],
        links: [{ title: 'Document (Markdown)', url: links.markdown }, { title: 'Spreadsheet (CSV)', url: links.csv }],
      }),
      summary: 'Your CPD record, to download',
    }];
  },
};
