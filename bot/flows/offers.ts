// Learning offers in chat. L&D compose one, see exactly what recipients will get and how many, and
// send it now or at a set time; each recipient's invitation changes with their booking (book, wait,
// confirm a freed place, cancel); L&D follow delivery and places, and mark who attended.
import { z } from 'zod';
import { offerComposeCard, offerInviteCard, offerProgressCard, DURATION_CODES, durationLabel, type InviteButton, type OfferValues } from '../../cards/offers';
import { noticeCard } from '../../cards/notice';
import { plain } from '../../cards/text';
import { addMonths, formatDate, formatDay, formatFullDay, type IsoDate } from '../../core/calendar';
import { CODES, describeCode } from '../../core/commonCore';
import type { CpdRecord } from '../../core/cpd';
import { deterministicId } from '../../core/ids';
import { isOpen } from '../../core/needs';
import { broadcastTally, FORMAT_ACTIVITY, inAudience, OFFER_FORMAT_CODES, recipientCount, OFFER_FORMATS, type Booking, type Offer } from '../../core/offers';
import { hasRole, nameOf } from '../../core/people';
import { PROFESSION_CODES } from '../../core/workforce';
import { parseInstant, localDate } from '../../core/zonedTime';
import { type CardOf, updateCardContext } from '../../app/cards';
import type { Stored } from '../../store/offers';
import { book, bookingClosed, cancel, confirm, localWhen, waitingPosition } from '../../app/offers/bookings';
import type { BotDeps } from '../context';
import { choice, choices, date, messagesOf, number, picked, text, toggle, typed } from './fields';
import { defineAction, issueCard, type CardAction, type CardFlow, type FormState } from './flow';
import { todayFor } from './sessionViews';
import { attendancePage } from './attendancePage';
import { plural } from '../../core/words';

const areaOf = (code: string) => code.split('.')[0]!;
export const offerBatch = (offerId: string) => `offer|${offerId}`;

const schema = z.object({
  title: text('Title', { max: 100, required: true, noLinks: true }),
  description: text('Description', { max: 1000, required: true, multiline: true }),
  format: choice('Format', OFFER_FORMAT_CODES),
  date: date('Date', { required: true }),
  time: text('Start', { max: 5, required: true }).refine((t) => t === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(t), 'Start is not a time of day.'),
  durationMinutes: choice('Length', DURATION_CODES),
  location: text('Where', { max: 200, noLinks: true }),
  onlineUrl: text('Online link', { max: 500 }).refine((u) => u === '' || /^https:\/\/[^\s]+$/.test(u), 'Online link must be a web address starting https://.'),
  capacity: number('Places', { min: 1, max: 500, required: true }).refine((n) => Number.isInteger(n), 'Places must be a whole number.'),
  cpdHours: number('CPD hours', { min: 0.25, max: 40, required: true }),
  closesOn: date('Bookings close', { required: true }),
  codes: choices('Areas of the Common Core', CODES, { min: 1 }),
  professions: choices('Professions', PROFESSION_CODES),
  teams: picked('Teams', { max: 200 }),
  registration: choice('Registered with a regulator', ['any', 'registered', 'unregistered']),
  withNeed: toggle(),
}).loose();

export const EMPTY_OFFER: OfferValues = {
  title: '', description: '', format: 'bite_size_workshop', date: '', time: '10:00', durationMinutes: '90', location: '', onlineUrl: '', capacity: '12', cpdHours: '1.5',
  closesOn: '', codes: '', professions: '', teams: '', registration: 'any', withNeed: 'false',
};

function valuesOf(offer: Offer): OfferValues {
  return {
    title: offer.title, description: offer.description, format: offer.format, date: offer.date, time: offer.time, durationMinutes: String(offer.durationMinutes),
    location: offer.location, onlineUrl: offer.onlineUrl, capacity: String(offer.capacity), cpdHours: String(offer.cpdHours), closesOn: offer.closesOn,
    codes: offer.codes.join(','), professions: offer.audience.professions.join(','), teams: offer.audience.teams.join(','), registration: offer.audience.registration,
    withNeed: String(offer.audience.withNeed),
  };
}

/**
 * Who the offer would go to, and how many as L&D may be told: counting only people with a need
 * could say whether one named person has one, so those counts are shown as a digest's are.
 */
export async function audienceSummary(deps: BotDeps, offer: Offer): Promise<{ audience: string[]; shown: string; line: string }> {
  const audience = await audienceOf(deps, offer);
  const { withNeed } = offer.audience;
  const base = withNeed ? (await audienceOf(deps, { ...offer, audience: { ...offer.audience, withNeed: false } })).length : audience.length;
  const shown = recipientCount(audience.length, withNeed, deps.planPolicy.threshold, base);
  return { audience, shown, line: `It goes to ${shown} ${shown === '1' ? 'person' : 'people'}.` };
}

/** Everyone the offer goes to, by the audience rules, from HR's roster and (if asked) their open needs. */
export async function audienceOf(deps: BotDeps, offer: Offer): Promise<string[]> {
  const [people, needs] = await Promise.all([deps.people.list(offer.tenantId), offer.audience.withNeed ? deps.needs.listFacts(offer.tenantId) : Promise.resolve([])]);
  const areas = new Set(offer.codes.map(areaOf));
  const needing = new Set(needs.filter((n) => n.open && n.codes.some((c) => areas.has(areaOf(c)))).map((n) => n.personId));
  return people.filter((p) => inAudience(offer.audience, p, needing.has(p.aadObjectId))).map((p) => p.aadObjectId).sort();
}

function offerFacts(offer: Offer): { title: string; value: string }[] {
  return [
    { title: 'When', value: `${formatFullDay(offer.date)}, ${offer.time} (${durationLabel(offer.durationMinutes)})` },
    { title: 'Where', value: [offer.location, offer.onlineUrl ? 'online' : ''].filter(Boolean).join(' and ') || 'to be confirmed' },
    { title: 'Areas', value: offer.codes.map(describeCode).join(', ') },
    { title: 'CPD', value: plural(offer.cpdHours, 'hour', 'hours') },
    { title: 'Places', value: `${offer.capacity}; book by ${formatDate(offer.closesOn)}` },
  ];
}

interface InviteState {
  state: Parameters<typeof offerInviteCard>[0]['state'];
  buttons: InviteButton[];
}

export async function stateOf(deps: BotDeps, offer: Offer, booking: Booking | undefined, today: IsoDate, full: boolean): Promise<InviteState> {
  const closed = offer.status === 'draft' ? null : bookingClosed(offer, today);
  switch (booking?.status) {
    case 'booked':
      return { state: { style: 'good', heading: 'You have a place', lines: ['If you can no longer come, cancel: your place goes to the next person waiting.'] }, buttons: [{ title: 'Cancel my place', verb: 'offer.cancel', style: 'destructive' }] };
    case 'attended':
      return { state: { style: 'good', heading: 'You were there', lines: ['It is in your CPD record.'] }, buttons: [] };
    case 'waiting':
      return { state: { style: 'accent', heading: `You're number ${await waitingPosition(deps, offer.offerId, booking.personId)} on the waiting list`, lines: ['Places go first to people with a learning need in these areas, then in the order people asked. Weave tells you if one comes free.'] }, buttons: [{ title: 'Leave the waiting list', verb: 'offer.cancel' }] };
    case 'offered':
      return {
        state: { style: 'accent', heading: 'A place is free for you', lines: [`Confirm by ${localWhen(deps, booking.offeredUntil!)}, or it goes to the next person.`] },
        buttons: [{ title: 'Confirm my place', verb: 'offer.confirm', style: 'positive' }, { title: "I can't come", verb: 'offer.cancel' }],
      };
    default:
      if (closed) return { state: { style: 'accent', heading: closed, lines: [] }, buttons: [] };
      return {
        state: booking?.status === 'cancelled' ? { style: 'accent', heading: 'You gave up your place', lines: ['You can ask again while bookings are open.'] } : booking?.status === 'declined' ? { style: 'accent', heading: 'Not for you, noted', lines: [] } : null,
        buttons: [{ title: full ? 'Join the waiting list' : 'Book a place', verb: 'offer.book', style: 'positive' }, ...(booking?.status === 'declined' ? [] : [{ title: 'Not for me', verb: 'offer.notForMe' }])],
      };
  }
}

export function inviteCard(deps: BotDeps, offer: Offer, cardId: string, state: InviteState, errors: readonly string[] = []) {
  const links = [
    ...(offer.onlineUrl ? [{ title: 'Online link', url: offer.onlineUrl }] : []),
    { title: 'Add to calendar', url: `${deps.config.publicUrl}/api/offers/${offer.offerId}/event.ics` },
  ];
  return offerInviteCard({
    cardId, eyebrow: `Learning offer: ${OFFER_FORMATS[offer.format]}`, title: offer.title, description: offer.description, facts: offerFacts(offer),
    state: state.state, errors, buttons: state.buttons, links,
    footer: 'Open to every profession it is sent to, qualified or not. L&D see who has booked and who attended, to run the session; nobody else does.',
  });
}

const offerIdOf = (card: Pick<CardOf<'offerCompose' | 'offerInvite'>, 'context'>) => card.context.offerId;
const ONLY_LD = ['Only L&D admins can compose and send offers.'];

// ——— Composing ———

async function renderCompose(deps: BotDeps, card: CardOf<'offerCompose'>, form?: FormState) {
  const offer = await deps.offers.get(card.tenantId, offerIdOf(card));
  const [teams, today] = await Promise.all([deps.people.rosterTeams(card.tenantId), todayFor(deps, card.tenantId, card.recipientId)]);
  const v = form?.values;
  const values: OfferValues = v
    ? (Object.fromEntries(Object.keys(EMPTY_OFFER).map((k) => [k, typed(v, k, 4000)])) as unknown as OfferValues)
    : offer ? valuesOf(offer) : EMPTY_OFFER;
  if (!values.withNeed) values.withNeed = 'false';
  const previewing = !!offer && offer.status === 'draft' && card.context.previewing === true && !form?.errors?.length;
  if (offer && offer.status !== 'draft') return progressCard(deps, card, offer, form);
  if (previewing) {
    return offerComposeCard({
      cardId: card.cardId, heading: 'Check before you send', values, teams, today, errors: [], note: form?.note ?? '',
      preview: {
        audienceLine: (await audienceSummary(deps, offer)).line,
        invite: inviteCard(deps, offer, card.cardId, await stateOf(deps, offer, undefined, today, false)),
      },
      actions: [
        { title: 'Send now', verb: 'offer.send', style: 'positive' },
        { title: 'Send later…', verb: 'offer.schedule', schedule: { today } },
        { title: 'Change something', verb: 'offer.edit' },
      ],
    });
  }
  return offerComposeCard({
    cardId: card.cardId, heading: 'New learning offer', values, teams, today, errors: form?.errors ?? [], note: form?.note ?? '', preview: null,
    actions: [{ title: 'Preview', verb: 'offer.preview', style: 'positive' }],
  });
}

function draftFrom(deps: BotDeps, card: CardOf<'offerCompose'>, raw: Record<string, unknown>) {
  return offerFromInput(deps, { tenantId: card.tenantId, offerId: offerIdOf(card), createdBy: card.recipientId }, raw);
}

/** An offer draft from what L&D filled in (on the card or in the tab), checked; or what to fix. */
export async function offerFromInput(deps: BotDeps, ids: { tenantId: string; offerId: string; createdBy: string }, raw: unknown): Promise<{ invalid: string[] } | { offer: Offer }> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { invalid: messagesOf(parsed.error) };
  const i = parsed.data;
  const today = await todayFor(deps, ids.tenantId, ids.createdBy);
  const problems: string[] = [];
  if (i.date < today || i.date > addMonths(today, 24)) problems.push('Date: choose a day from today to two years ahead.');
  if (i.closesOn < today || i.closesOn > i.date) problems.push('Bookings close: choose a day from today up to the day itself.');
  if (!i.location && !i.onlineUrl) problems.push('Say where it is, or give the online link.');
  const known = await deps.people.rosterTeams(ids.tenantId);
  if (i.teams.some((t) => !known.includes(t))) problems.push('Teams: choose from the list.');
  if (problems.length > 0) return { invalid: problems };
  const existing = await deps.offers.get(ids.tenantId, ids.offerId);
  return {
    offer: {
      tenantId: ids.tenantId, offerId: ids.offerId, title: i.title, description: i.description, format: i.format as Offer['format'], date: i.date, time: i.time,
      durationMinutes: Number(i.durationMinutes), location: i.location, onlineUrl: i.onlineUrl, capacity: i.capacity, codes: i.codes, cpdHours: i.cpdHours, closesOn: i.closesOn,
      audience: { professions: i.professions, teams: i.teams, registration: i.registration as Offer['audience']['registration'], withNeed: i.withNeed },
      status: 'draft', sendAt: null, createdBy: ids.createdBy, createdAt: existing?.createdAt ?? deps.clock.now().toISOString(), sentAt: null, reportedAt: null,
      audienceSize: 0, fannedOutAt: null, fanOutSeenAt: null,
    },
  };
}

/** Marks the offer sending and fans it out on the work queue; a second press finds it already sending. */
export async function startSending(deps: BotDeps, offer: Stored<Offer>): Promise<Stored<Offer>> {
  const audience = await audienceOf(deps, offer);
  await deps.offers.openPlaces(offer.offerId, offer.capacity);
  const sending = await deps.offers.update(offer, { status: 'sending', sentAt: deps.clock.now().toISOString(), audienceSize: audience.length });
  await deps.work.enqueue({ kind: 'offer-fanout', tenantId: offer.tenantId, offerId: offer.offerId, after: null });
  deps.log.info('offer.sending', { recipients: audience.length });
  return sending;
}

export const offerComposeFlow: CardFlow<'offerCompose'> = {
  kind: 'offerCompose',
  render: renderCompose,
  actions: {
    'offer.preview': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps, person }, card, raw) {
        if (!hasRole(person, 'ld_admin')) return { invalid: ONLY_LD };
        const draft = await draftFrom(deps, card, raw);
        if ('invalid' in draft) return draft;
        const existing = await deps.offers.get(card.tenantId, offerIdOf(card));
        if (existing && existing.status !== 'draft') return { invalid: ['This offer has already gone out.'] };
        // Saved only if nobody has sent or changed it since it was read; Send then checks it still is.
        const draftEtag = await deps.offers.saveDraft(draft.offer, existing?.etag ?? null);
        const saved = await updateCardContext(deps.cards, card, { ...card.context, previewing: true, draftEtag });
        return { card: await renderCompose(deps, saved) };
      },
    }),
    'offer.edit': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps, person }, card) {
        if (!hasRole(person, 'ld_admin')) return { invalid: ONLY_LD };
        const saved = await updateCardContext(deps.cards, card, { ...card.context, previewing: false, draftEtag: null });
        return { card: await renderCompose(deps, saved) };
      },
    }),
    'offer.send': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps, person }, card) {
        if (!hasRole(person, 'ld_admin')) return { invalid: ONLY_LD };
        const offer = await deps.offers.get(card.tenantId, offerIdOf(card));
        if (!offer) return { invalid: ['Preview the offer before sending it.'] };
        if (offer.status !== 'draft' && offer.status !== 'scheduled') return { card: await renderCompose(deps, card) };
        // What goes is what was previewed on this card: not an older draft, nor one changed elsewhere since.
        if (card.context.previewing !== true || offer.etag !== card.context.draftEtag) return { invalid: ['The offer changed since this preview: preview it again before sending.'] };
        if (offer.closesOn < localDate(deps.clock.now(), deps.config.timeZone)) return { invalid: ['Bookings close before today: change the dates and preview again.'] };
        await startSending(deps, offer);
        return { card: await renderCompose(deps, card, { note: 'Sending now. This card shows how it is going; press Refresh.' }) };
      },
    }),
    'offer.schedule': defineAction({
      schema: z.object({ sendDate: date('Send on', { required: true }), sendTime: text('At', { max: 5, required: true }).refine((t) => t === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(t), 'At is not a time of day.') }).loose(),
      closesCard: false,
      async handle({ deps, person }, card, input) {
        if (!hasRole(person, 'ld_admin')) return { invalid: ONLY_LD };
        const offer = await deps.offers.get(card.tenantId, offerIdOf(card));
        if (!offer || offer.status !== 'draft') return { invalid: ['Preview the offer before scheduling it.'] };
        if (card.context.previewing !== true || offer.etag !== card.context.draftEtag) return { invalid: ['The offer changed since this preview: preview it again before scheduling.'] };
        const at = parseInstant(`${input.sendDate}T${input.sendTime}`, deps.config.timeZone);
        if (at.getTime() <= deps.clock.now().getTime() || input.sendDate > offer.closesOn) return { invalid: ['Send later: choose a time from now until bookings close.'] };
        await deps.offers.update(offer, { status: 'scheduled', sendAt: at.toISOString() });
        return { card: await renderCompose(deps, card, { note: `Scheduled for ${formatDay(input.sendDate, localDate(deps.clock.now(), deps.config.timeZone))} at ${input.sendTime}.` }) };
      },
    }),
    ...progressActions(),
  },
};

// ——— The invitation ———

async function renderInvite(deps: BotDeps, card: CardOf<'offerInvite'>, form?: FormState) {
  const offer = await deps.offers.get(card.tenantId, offerIdOf(card));
  if (!offer) return noticeCard({ title: 'Nothing to book', lines: ['This offer is no longer in Weave.'] });
  const [booking, places, today] = await Promise.all([
    deps.offers.getBooking(offer.offerId, card.recipientId), deps.offers.getPlaces(offer.offerId), todayFor(deps, card.tenantId, card.recipientId),
  ]);
  const state = await stateOf(deps, offer, booking, today, !!places && places.taken >= places.capacity);
  if (form?.notice && !form.errors?.length) state.state = { style: 'accent', heading: form.notice.heading, lines: [form.notice.text] };
  else if (form?.note) state.state = { style: 'good', heading: form.note, lines: state.state?.lines ?? [] };
  return inviteCard(deps, offer, card.cardId, state, form?.errors ?? []);
}

async function loadOffer(deps: BotDeps, card: CardOf<'offerInvite'>) {
  const offer = await deps.offers.get(card.tenantId, offerIdOf(card));
  return offer && offer.status !== 'draft' ? offer : undefined;
}

export const offerInviteFlow: CardFlow<'offerInvite'> = {
  kind: 'offerInvite',
  render: renderInvite,
  actions: {
    'offer.book': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        const offer = await loadOffer(deps, card);
        if (!offer) return { invalid: ['This offer is no longer in Weave.'] };
        const outcome = await book(deps, offer, card.recipientId);
        const note = outcome.kind === 'booked' ? 'Booked: you have a place.' : outcome.kind === 'waiting' ? `Added to the waiting list: you're number ${outcome.position}.` : outcome.kind === 'closed' ? outcome.why : 'Already done.';
        deps.log.info('offer.book', { outcome: outcome.kind });
        return { card: await renderInvite(deps, card, { note }) };
      },
    }),
    'offer.notForMe': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        const offer = await loadOffer(deps, card);
        if (!offer) return { invalid: ['This offer is no longer in Weave.'] };
        const now = deps.clock.now().toISOString();
        const existing = await deps.offers.getBooking(offer.offerId, card.recipientId);
        if (!existing || existing.status === 'cancelled') {
          await deps.offers.writeBooking({ tenantId: card.tenantId, offerId: offer.offerId, personId: card.recipientId, status: 'declined', priority: 0, askedAt: existing?.askedAt ?? now, offeredUntil: null, updatedAt: now }, existing ?? null);
        }
        return { card: await renderInvite(deps, card) };
      },
    }),
    'offer.cancel': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        const offer = await loadOffer(deps, card);
        const was = offer && (await cancel(deps, offer, card.recipientId));
        if (!was) return { invalid: ['There is nothing to cancel.'] };
        return { card: await renderInvite(deps, card, { note: was === 'waiting' ? 'You have left the waiting list.' : 'Cancelled: your place has gone to the next person waiting.' }) };
      },
    }),
    'offer.confirm': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        const offer = await loadOffer(deps, card);
        if (!offer || !(await confirm(deps, offer, card.recipientId))) return { invalid: ['There is no place waiting for you to confirm: the time to confirm may have passed, and it has gone to the next person.'] };
        return { card: await renderInvite(deps, card, { note: 'Confirmed: you have a place.' }) };
      },
    }),
  },
};

// ——— Progress and attendance, for L&D ———

async function progressCard(deps: BotDeps, card: CardOf<'offerCompose'>, offer: Stored<Offer>, form?: FormState) {
  const [deliveries, bookings, places] = await Promise.all([
    deps.deliveries.listBatch(offerBatch(offer.offerId)), deps.offers.listBookings(offer.offerId), deps.offers.getPlaces(offer.offerId),
  ]);
  const shown = (n: number) => recipientCount(n, offer.audience.withNeed, deps.planPolicy.threshold);
  const tally = broadcastTally(offer.audienceSize, deliveries.map((d) => d.state));
  const reasons = [...new Set(deliveries.filter((d) => d.state === 'failed').map((d) => d.lastError).filter(Boolean))].slice(0, 3).map((r) => `Failed because: ${r}`);
  const by = (status: Booking['status']) => bookings.filter((b) => b.status === status).length;
  const people = await Promise.all(bookings.filter((b) => b.status === 'booked' || b.status === 'attended').map(async (b) => ({ b, p: await deps.people.get(offer.tenantId, b.personId) })));
  const attendees = attendancePage(
    people.filter((x) => x.p).map((x) => ({ id: x.b.personId, name: nameOf(x.p!), attended: x.b.status === 'attended' })).sort((a, b) => a.name.localeCompare(b.name)),
    card.context.attendancePage ?? 0,
  );
  const status = offer.status === 'scheduled'
    ? `Scheduled to send ${offer.sendAt?.slice(0, 16).replace('T', ' ')} (UTC).`
    : offer.status === 'sending' ? `Sending to ${shown(offer.audienceSize)} people: ${shown(tally.ended)} done, ${shown(tally.toGo)} to go.`
      : offer.status === 'sent' ? `Sent to ${shown(offer.audienceSize)} people. Every delivery has ended.` : 'Withdrawn: everyone who had booked or was waiting was told.';
  return offerProgressCard({
    cardId: card.cardId,
    eyebrow: `Learning offer: ${OFFER_FORMATS[offer.format]}, ${formatDate(offer.date)}`,
    title: offer.title,
    status,
    delivery: [
      { title: 'Sent', value: shown(tally.sent) },
      { title: 'Not installed', value: `${shown(tally.notInstalled)}${tally.notInstalled ? ' (have not opened Weave in Teams: not reachable until they do)' : ''}` },
      { title: 'Unreachable', value: `${shown(tally.unreachable)}${tally.unreachable ? ' (blocked or removed Weave)' : ''}` },
      { title: 'Failed', value: shown(tally.failed) },
      { title: 'Still going', value: shown(tally.toGo) },
    ],
    reasons,
    places: [
      { title: 'Booked', value: `${by('booked') + by('attended')} of ${offer.capacity}${places ? ` (${places.taken} held)` : ''}` },
      { title: 'Held for someone to confirm', value: String(by('offered')) },
      { title: 'Waiting list', value: String(by('waiting')) },
      { title: 'Not for them', value: String(by('declined')) },
      { title: 'Attended', value: String(by('attended')) },
    ],
    attendees: attendees.people.map(({ id, name }) => ({ id, name })),
    attended: attendees.people.filter((a) => a.attended).map((a) => a.id),
    attendancePage: { label: attendees.label, turns: attendees.turns },
    withdrawable: offer.status === 'scheduled' || offer.status === 'sending' || offer.status === 'sent',
    note: form?.note ?? '',
    errors: form?.errors ?? [],
    footer: 'Places go by need before speed: people with a learning need in these areas, registrants short of their regulator, and people with no recent CPD go first on the waiting list.',
  });
}

function progressActions(): Record<string, CardAction<z.ZodType, 'offerCompose'>> {
  return {
    'offer.refresh': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps, person }, card) {
        if (!hasRole(person, 'ld_admin')) return { invalid: ONLY_LD };
        return { card: await renderCompose(deps, card) };
      },
    }),
    'offer.withdraw': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps, person }, card) {
        if (!hasRole(person, 'ld_admin')) return { invalid: ONLY_LD };
        const offer = await deps.offers.get(card.tenantId, offerIdOf(card));
        if (!offer || offer.status === 'draft' || offer.status === 'cancelled') return { invalid: ['There is nothing to withdraw.'] };
        if (offer.date < localDate(deps.clock.now(), deps.config.timeZone)) return { invalid: ['It has already taken place.'] };
        await deps.offers.update(offer, { status: 'cancelled' });
        for (const b of (await deps.offers.listBookings(offer.offerId)).filter((x) => ['booked', 'waiting', 'offered'].includes(x.status))) {
          await deps.outbox.sendText(card.tenantId, `offer-withdrawn|${offer.offerId}`, b.personId, `"${plain(offer.title)}" on ${formatDate(offer.date)} has been withdrawn by Workforce Development, so your booking no longer stands. Sorry.`);
        }
        deps.log.info('offer.withdrawn', {});
        return { card: await renderCompose(deps, card, { note: 'Withdrawn.' }) };
      },
    }),
    'offer.attendancePage': defineAction({
      schema: z.object({ page: number('Page', { min: 0, max: 100, required: true }).refine((n) => Number.isInteger(n), 'Page must be a whole number.') }),
      closesCard: false,
      async handle({ deps, person }, card, input) {
        if (!hasRole(person, 'ld_admin')) return { invalid: ['Only L&D admins can mark attendance.'] };
        const saved = await updateCardContext(deps.cards, card, { ...card.context, attendancePage: input.page });
        return { card: await renderCompose(deps, saved) };
      },
    }),
    'offer.attendance': defineAction({
      schema: z.object({ attended: picked('Who attended', { max: 500 }) }),
      closesCard: false,
      async handle({ deps, person }, card, input) {
        if (!hasRole(person, 'ld_admin')) return { invalid: ['Only L&D admins can mark attendance.'] };
        const offer = await deps.offers.get(card.tenantId, offerIdOf(card));
        if (!offer || offer.status === 'draft') return { invalid: ['This offer has not gone out.'] };
        if (offer.date > localDate(deps.clock.now(), deps.config.timeZone)) return { invalid: ['Attendance can be marked from the day itself.'] };
        const bookings = await deps.offers.listBookings(offer.offerId);
        const eligible = new Map(bookings.filter((b) => b.status === 'booked' || b.status === 'attended').map((b) => [b.personId, b]));
        if (input.attended.some((id) => !eligible.has(id))) return { invalid: ['Choose from the people who had a place.'] };
        let added = 0;
        for (const id of input.attended) {
          const b = eligible.get(id)!;
          if (b.status !== 'attended') await deps.offers.writeBooking({ ...b, status: 'attended', updatedAt: deps.clock.now().toISOString() }, b);
          if (await recordAttendance(deps, offer, id)) added += 1;
        }
        return { card: await renderCompose(deps, card, { note: `Attendance saved: ${plural(added, 'new record', 'new records')} in people's CPD.` }) };
      },
    }),
  };
}

/** Attending becomes a CPD record (once: its id comes from the offer and the person), linked to matching needs. */
async function recordAttendance(deps: BotDeps, offer: Offer, personId: string): Promise<boolean> {
  const recordId = deterministicId('offer-attendance', offer.offerId, personId);
  const existing = await deps.cpd.listFor(offer.tenantId, personId);
  if (existing.some((r) => r.recordId === recordId)) return false;
  const areas = new Set(offer.codes.map(areaOf));
  const needs = (await deps.needs.listFor(offer.tenantId, personId)).filter((n) => isOpen(n) && n.codes.some((c) => areas.has(areaOf(c))));
  const record: CpdRecord = {
    tenantId: offer.tenantId, personId, recordId, activityType: FORMAT_ACTIVITY[offer.format] as CpdRecord['activityType'], title: offer.title, date: offer.date,
    hours: offer.cpdHours, participatoryHours: offer.cpdHours, codes: offer.codes, needIds: needs.map((n) => n.needId), reflectionModel: 'what', reflection: {},
    impactPractice: '', impactPeople: '', peer: null, peerReflection: '', includesFeedback: false, reflectiveDiscussion: false, createdAt: deps.clock.now().toISOString(),
  };
  await deps.cpd.save(record);
  for (const n of needs.filter((x) => x.status !== 'in_progress')) await deps.needs.update(n, { status: 'in_progress', updatedAt: record.createdAt });
  await deps.outbox.sendText(offer.tenantId, `offer-attended|${offer.offerId}`, personId,
    `"${plain(offer.title)}" is in your CPD record (${plural(offer.cpdHours, 'hour', 'hours')}). Regulators ask what you learned: type **log cpd** to add a reflection.`);
  return true;
}

/** L&D's `offers`: each offer's progress card, newest first. */
export async function offerProgressCards(deps: BotDeps, tenantId: string, adminId: string) {
  const offers = (await deps.offers.list(tenantId)).filter((o) => o.status !== 'draft').sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 5);
  return Promise.all(offers.map((o) => issueCard(deps, offerComposeFlow, { tenantId, recipientId: adminId, context: { offerId: o.offerId }, ttlDays: 60 })));
}

