// Cards for cross-profession mentoring: the offer, the request, a proposed pairing, and the
// check-ins once people have been introduced.
import offerTemplate from './templates/mentorOffer.json' with { type: 'json' };
import requestTemplate from './templates/mentorRequest.json' with { type: 'json' };
import proposalTemplate from './templates/mentorProposal.json' with { type: 'json' };
import checkInTemplate from './templates/mentorCheckIn.json' with { type: 'json' };
import type { AdaptiveCardJson } from '../core/conversation';
import { COMMON_CORE } from '../core/commonCore';
import { MENTORING_KINDS, SLOTS, slotLabel } from '../core/mentoring';
import { PROFESSIONS } from '../core/workforce';
import { banner, formBanner } from './fragments';
import { expand } from './render';
import { plain } from '../core/text';

const KIND_CHOICES = Object.entries(MENTORING_KINDS).map(([code, label]) => ({ code, label }));
const SLOT_CHOICES = SLOTS.map((code) => ({ code, label: slotLabel(code) }));
const CODE_CHOICES = COMMON_CORE.flatMap((a) => [{ code: a.code, label: `${a.code} ${a.short}` }, ...a.subHeadings.map((s) => ({ code: s.code, label: `${s.code} ${s.label}` }))]);

const noteOrErrors = (errors: readonly string[], note: string) => formBanner(errors, banner('good', note));

/** The inputs of a mentoring offer: declared once, for the card template, its input schema and its values. */
export const MENTOR_OFFER_FIELDS = ['strengths', 'strengthsText', 'kinds', 'capacity', 'availability', 'locality', 'pausedUntil'] as const;
export type MentorOfferField = (typeof MENTOR_OFFER_FIELDS)[number];
export type MentorOfferValues = Record<MentorOfferField, string>;

export function mentorOfferCard(d: { cardId: string; values: MentorOfferValues; localities: readonly string[]; existing: boolean; errors: readonly string[]; note: string; today: string }): AdaptiveCardJson {
  return expand(offerTemplate, {
    cardId: d.cardId, banner: noteOrErrors(d.errors, d.note), values: d.values, codes: CODE_CHOICES, kinds: KIND_CHOICES, slots: SLOT_CHOICES,
    localities: d.localities, existing: d.existing, today: d.today,
  });
}

/** The inputs of a request for a mentor: declared once, for the card template, its input schema and its values. */
export const MENTOR_REQUEST_FIELDS = ['needIds', 'kind', 'preferProfession', 'locality', 'availability'] as const;
export type MentorRequestField = (typeof MENTOR_REQUEST_FIELDS)[number];
export type MentorRequestValues = Record<MentorRequestField, string>;

export function mentorRequestCard(d: {
  cardId: string; values: MentorRequestValues; needs: { id: string; label: string }[]; localities: readonly string[]; existing: boolean;
  errors: readonly string[]; note: string;
}): AdaptiveCardJson {
  return expand(requestTemplate, {
    cardId: d.cardId, banner: noteOrErrors(d.errors, d.note), values: d.values,
    needs: d.needs.map((n) => ({ id: n.id, label: plain(n.label.length > 120 ? `${n.label.slice(0, 117)}…` : n.label) })),
    kinds: KIND_CHOICES, professions: Object.entries(PROFESSIONS).map(([code, label]) => ({ code, label })), localities: d.localities, slots: SLOT_CHOICES,
    existing: d.existing, submitTitle: d.existing ? 'Save changes' : 'Find me someone',
  });
}

export function mentorProposalCard(d: {
  cardId: string; eyebrow: string; title: string; facts: { title: string; value: string }[]; reasons: string[]; footer: string; errors: readonly string[]; reason: string;
  /** A reminder shown above it. */
  notice: { heading: string; text: string } | null;
}): AdaptiveCardJson {
  return expand(proposalTemplate, {
    cardId: d.cardId, eyebrow: d.eyebrow, title: plain(d.title),
    banner: formBanner(d.errors, d.notice ? banner('accent', d.notice.heading, [d.notice.text]) : undefined),
    facts: d.facts.map((f) => ({ title: f.title, value: plain(f.value) })), reasons: d.reasons.map(plain), footer: d.footer, reason: d.reason,
  });
}

export function mentorCheckInCard(d: {
  cardId: string; eyebrow: string; title: string; answered: boolean; met: string; useful: string; footer: string; errors: readonly string[]; note: string;
}): AdaptiveCardJson {
  return expand(checkInTemplate, {
    cardId: d.cardId, eyebrow: d.eyebrow, title: plain(d.title), banner: noteOrErrors(d.errors, d.note), answered: d.answered, met: d.met, useful: d.useful, footer: d.footer,
  });
}
