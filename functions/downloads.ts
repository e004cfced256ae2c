// Downloads people asked for in chat: their CPD record, from a link only they were sent. The link's
// token is the only key, so it is checked before anything is read, and an unknown or expired one
// gets the same answer as a wrong one.
import type { HttpResponseInit } from '@azure/functions';
import { cpdCsv, cpdMarkdown, type CpdDocument } from '../documents/cpdRecord';
import { planPeriodOf } from '../core/planPeriod';
import { cadencePerson } from '../core/sessionPlanning';
import { nameOf } from '../core/people';
import { todayFor } from '../app/people/today';
import { currentPlan } from '../views/plan';
import { readinessOf } from '../views/cpd';
import type { FunctionHost } from './host';
import { offerEvent } from '../documents/calendar';
import { isGuid } from '../core/validation';
import { parseInstant } from '../core/zonedTime';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const FORMATS = {
  'cpd-record.md': { type: 'text/markdown; charset=utf-8', extension: 'md', write: cpdMarkdown },
  'cpd-record.csv': { type: 'text/csv; charset=utf-8', extension: 'csv', write: cpdCsv },
} as const;

const PRIVATE = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'",
};

const gone = (): HttpResponseInit => ({
  status: 404,
  body: 'This download link has expired or is not valid. Type "export cpd" in your chat with Weave for a new one.',
  headers: { ...PRIVATE, 'content-type': 'text/plain; charset=utf-8' },
});

function fileName(name: string, today: string, extension: string): string {
  const slug = name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_]+/g, '-').slice(0, 60) || 'record';
  return `cpd-record-${slug}-${today}.${extension}`;
}

export async function downloadCpdRecord(rt: FunctionHost, token: string | undefined, file: string | undefined): Promise<HttpResponseInit> {
  const format = file && Object.hasOwn(FORMATS, file) ? FORMATS[file as keyof typeof FORMATS] : undefined;
  if (!token || !TOKEN.test(token) || !format) return gone();
  const link = await rt.exportLinks.get(token);
  if (!link || link.tenantId !== rt.config.tenantId || link.expiresAt <= rt.clock.now().toISOString()) return gone();
  const person = await rt.people.get(link.tenantId, link.personId);
  // Someone HR has recorded as gone no longer has Weave's links working for them.
  if (!person || person.status === 'left') return gone();

  const [records, needs, today] = await Promise.all([
    rt.cpd.listFor(link.tenantId, link.personId),
    rt.needs.listFor(link.tenantId, link.personId),
    todayFor(rt, link.tenantId, link.personId),
  ]);
  const doc: CpdDocument = {
    person,
    records,
    plan: currentPlan(needs, planPeriodOf(rt.policy, cadencePerson(person), today)),
    allNeeds: needs,
    readiness: readinessOf(rt.registration, person, records, today),
    today,
  };
  rt.log.info('export.downloaded', { format: format.extension, records: records.length });
  return {
    status: 200,
    body: format.write(doc),
    headers: { ...PRIVATE, 'content-type': format.type, 'content-disposition': `attachment; filename="${fileName(nameOf(person), today, format.extension)}"` },
  };
}

/** "Add to calendar" for a learning offer that has gone out: the event only, nobody's booking. */
export async function downloadOfferEvent(rt: FunctionHost, offerId: string | undefined): Promise<HttpResponseInit> {
  const notFound: HttpResponseInit = { status: 404, body: 'There is no such learning offer.', headers: { ...PRIVATE, 'content-type': 'text/plain; charset=utf-8' } };
  if (!offerId || !isGuid(offerId)) return notFound;
  const offer = await rt.offers.get(rt.config.tenantId, offerId);
  if (!offer || (offer.status !== 'sending' && offer.status !== 'sent')) return notFound;
  const start = parseInstant(`${offer.date}T${offer.time}`, rt.config.timeZone);
  return {
    status: 200,
    body: offerEvent(offer, start, rt.clock.now()),
    headers: { ...PRIVATE, 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="weave-learning.ics"' },
  };
}
