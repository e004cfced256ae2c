// Learning offer cards: composing one (with a preview of exactly what recipients get), the
// invitation each recipient gets (its buttons follow their booking), and L&D's progress report.
import composeTemplate from './templates/offerCompose.json' with { type: 'json' };
import inviteTemplate from './templates/offerInvite.json' with { type: 'json' };
import progressTemplate from './templates/offerProgress.json' with { type: 'json' };
import evaluationTemplate from './templates/offerEvaluation.json' with { type: 'json' };
import { CHANGE_ANSWERS } from '../core/evaluation';
import { COMMON_CORE } from '../core/commonCore';
import type { AdaptiveCardJson } from '../core/conversation';
import { formatDate, formatFullDay } from '../core/calendar';
import { describeCode } from '../core/commonCore';
import { groupOfKey, groupPhrase } from '../core/allocation';
import { ALLOCATION_MODES, DURATIONS, durationLabel, OFFER_FORMATS, type InviteButton, type InviteState, type Offer, type OfferValues } from '../core/offers';
import { plural } from '../core/words';
import { PROFESSIONS } from '../core/workforce';
import { banner, formBanner } from './fragments';
import { expand } from './render';
import { clip, plain } from '../core/text';

export type { OfferValues } from '../core/offers';

const CODE_CHOICES = COMMON_CORE.flatMap((a) => [{ code: a.code, label: `${a.code} ${a.short}` }, ...a.subHeadings.map((s) => ({ code: s.code, label: `${s.code} ${s.label}` }))]);

/** The composer's lists, for the card and the tab alike. */
export const COMPOSER_CHOICES = {
  formats: Object.entries(OFFER_FORMATS).map(([code, label]) => ({ code, label })),
  durations: DURATIONS.map(([m, label]) => ({ code: String(m), label })),
  codes: CODE_CHOICES,
  professions: Object.entries(PROFESSIONS).map(([code, label]) => ({ code, label })),
  registration: [{ code: 'any', label: 'Everyone' }, { code: 'registered', label: 'Only registered staff' }, { code: 'unregistered', label: 'Only staff who are not registered' }],
  allocation: Object.entries(ALLOCATION_MODES).map(([code, label]) => ({ code, label })),
};

export interface ComposeAction {
  title: string;
  verb: string;
  style?: 'positive' | 'default';
  /** A date and time to pick before the action runs (Schedule). */
  schedule?: { today: string };
}

export function offerComposeCard(d: {
  cardId: string; heading: string; values: OfferValues; teams: readonly string[]; groups: readonly { value: string; title: string }[]; today: string; errors: readonly string[]; note: string;
  preview: { audienceLine: string; reach: readonly string[]; invite: AdaptiveCardJson } | null; actions: ComposeAction[];
}): AdaptiveCardJson {
  const actions = d.actions.map((a) => a.schedule
    ? {
        type: 'Action.ShowCard', title: a.title,
        card: {
          type: 'AdaptiveCard',
          body: [
            { type: 'Input.Date', id: 'sendDate', label: 'Send on', isRequired: true, errorMessage: 'Choose the day', min: a.schedule.today },
            { type: 'Input.Time', id: 'sendTime', label: 'At', isRequired: true, errorMessage: 'Choose the time' },
          ],
          actions: [{ type: 'Action.Execute', title: a.title, verb: a.verb, data: { cardId: d.cardId } }],
        },
      }
    : { type: 'Action.Execute', title: a.title, verb: a.verb, style: a.style ?? 'default', data: { cardId: d.cardId } });
  return expand(composeTemplate, {
    heading: d.heading,
    banner: formBanner(d.errors, banner('good', d.note)),
    previewing: !!d.preview,
    values: d.values,
    ...COMPOSER_CHOICES,
    teams: d.teams,
    groups: d.groups,
    today: d.today,
    audienceLine: d.preview?.audienceLine ?? '',
    reach: d.preview?.reach ?? [],
    // The recipients' card, without its buttons: the preview cannot book anything.
    previewItems: d.preview?.invite.body ?? [],
    actions,
  });
}

export type { InviteButton } from '../core/offers';

function offerFacts(offer: Offer): { title: string; value: string }[] {
  return [
    { title: 'When', value: `${formatFullDay(offer.date)}, ${offer.time} (${durationLabel(offer.durationMinutes)})` },
    { title: 'Where', value: [offer.location, offer.onlineUrl ? 'online' : ''].filter(Boolean).join(' and ') || 'to be confirmed' },
    { title: 'Areas', value: offer.codes.map(describeCode).join(', ') },
    { title: 'CPD', value: plural(offer.cpdHours, 'hour', 'hours') },
    { title: 'Places', value: placesFact(offer) },
  ];
}

/** How places go, as the invitation says it. */
function placesFact(offer: Offer): string {
  const held = offer.allocation.reservations.map((r) => {
    const g = groupOfKey(r.group);
    return `${r.places} held for ${g ? groupPhrase(g) : r.group}${offer.allocation.mode === 'reserved' ? ` until ${formatDate(r.until)}` : ''}`;
  });
  const base = offer.allocation.mode === 'applications'
    ? `${offer.capacity}; apply by ${formatDate(offer.closesOn)}. Places are allocated when applications close, by need and fairness, not by who asked first`
    : `${offer.capacity}; book by ${formatDate(offer.closesOn)}`;
  return held.length ? `${base} (${held.join('; ')})` : base;
}

/** A person's invitation to an offer: the same card the composer previews, and each recipient gets. */
export function offerInvitationCard(offer: Offer, cardId: string, state: InviteState, publicUrl: string, errors: readonly string[] = []): AdaptiveCardJson {
  const links = [
    ...(offer.onlineUrl ? [{ title: 'Online link', url: offer.onlineUrl }] : []),
    { title: 'Add to calendar', url: `${publicUrl}/api/offers/${offer.offerId}/event.ics` },
  ];
  return offerInviteCard({
    cardId, eyebrow: `Learning offer: ${OFFER_FORMATS[offer.format]}`, title: offer.title, description: offer.description, facts: offerFacts(offer),
    state: state.state, errors, buttons: state.buttons, links, why: state.why ?? null,
    footer: 'Open to every profession it is sent to, qualified or not. L&D see who has booked and who attended, to run the session; nobody else does.',
  });
}

export function offerInviteCard(d: {
  cardId: string; eyebrow: string; title: string; description: string; facts: { title: string; value: string }[];
  state: { style: 'good' | 'accent'; heading: string; lines: string[] } | null; errors: readonly string[];
  buttons: InviteButton[]; links: { title: string; url: string }[]; footer: string;
  why?: { title: string; value: string }[] | null;
}): AdaptiveCardJson {
  return expand(inviteTemplate, {
    why: d.why ?? [],
    cardId: d.cardId,
    eyebrow: d.eyebrow,
    title: plain(d.title),
    banner: formBanner(d.errors, d.state ? banner(d.state.style, d.state.heading, d.state.lines) : undefined),
    description: d.description,
    facts: d.facts.map((f) => ({ title: f.title, value: plain(f.value) })),
    buttons: d.buttons.map((b) => ({ ...b, style: b.style ?? 'default' })),
    links: d.links,
    footer: d.footer,
  });
}

export function offerProgressCard(d: {
  cardId: string; eyebrow: string; title: string; status: string; delivery: { title: string; value: string }[]; reasons: string[];
  places: { title: string; value: string }[]; attendees: { id: string; name: string }[]; attended: string[]; note: string; errors: readonly string[]; footer: string;
  withdrawable: boolean;
  /** When not everyone fits on the card: which of them `attendees` are, and buttons to the others. */
  attendancePage?: { label: string; turns: { title: string; page: number }[] };
}): AdaptiveCardJson {
  return expand(progressTemplate, {
    withdrawable: d.withdrawable,
    cardId: d.cardId,
    eyebrow: d.eyebrow,
    title: plain(d.title),
    banner: formBanner(d.errors, banner('good', d.note)),
    status: d.status,
    delivery: d.delivery,
    reasons: d.reasons.map(plain),
    places: d.places,
    attendees: d.attendees.map((a) => ({ id: a.id, name: plain(clip(a.name, 80)) })),
    attendedValue: d.attended.join(','),
    pageLabel: d.attendancePage?.label ?? '',
    pageTurns: d.attendancePage?.turns ?? [],
    footer: d.footer,
  });
}

export function offerEvaluationCard(d: { cardId: string; title: string; why: string; open: boolean; errors: readonly string[]; note: string }): AdaptiveCardJson {
  return expand(evaluationTemplate, {
    cardId: d.cardId, title: d.title, why: d.why, open: d.open, banner: formBanner(d.errors, banner('good', d.note)),
    changes: Object.entries(CHANGE_ANSWERS).map(([code, label]) => ({ code, label })),
  });
}
