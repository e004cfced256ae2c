// Every kind of actionable card Weave sends, and the context kept server-side for it: a card carries
// only its id, so what it is about lives here. One map, read by whoever issues a card (a use case, a
// job, a command) and by the flow that draws it and acts on it, so both are checked by the compiler.
import type { IsoDate } from '../core/calendar';
import type { AdaptiveCardJson } from '../core/conversation';
import type { ReflectionModel } from '../core/cpd';
import type { IssuedCard, IssuedCardStore } from '../store/issuedCards';

/** What a card about mentoring a pair is, to the person it was sent to. */
export type PairRole = 'mentor' | 'mentee';

export interface CardContexts {
  onboarding: { firstName: string };
  profile: { etag: string };
  joinerConfirm: { personId: string };
  /** A person's own qualifications, and adding one. */
  qualifications: Record<string, never>;
  /** To the line manager: confirm a qualification a report added. `personId` for the audience check. */
  qualificationConfirm: { personId: string; qualificationId: string };
  /** A person's career pathway: where they would like to go, and the next step. */
  pathway: Record<string, never>;
  supervisionPrompt: { sessionKey: string; reviewNeedIds?: string[] };
  appraisalPrompt: { sessionKey: string; reviewNeedIds?: string[] };
  sessionSummary: { sessionKey: string };
  /** To the supervisor after the day: held (and what was agreed), moved, or did not happen. `personId` for the audience check. */
  sessionOutcome: { sessionKey: string; personId: string };
  /** To the person: what was agreed at a held supervision, and logging it as CPD. */
  sessionRecord: { sessionKey: string };
  /** To the appraiser after the appraisal: agree or comment on each need in next year's plan. */
  planAgreement: { sessionKey: string; personId: string };
  /** To the appraisee: their appraiser's view of the plan, to agree. */
  planConfirm: { sessionKey: string };
  scheduleSession: Record<string, never>;
  addNeed: Record<string, never>;
  plan: Record<string, never>;
  /** A manager's view of a report's plan: whose, once chosen ('' until then). */
  reportPlan: { personId: string };
  /** `prefill`: values to start the form with (a mentoring check-in logging the pairing). */
  logCpd: { model: ReflectionModel; prefill?: Record<string, string> };
  mentorOffer: Record<string, never>;
  /** `needId`: the need it was opened from (Find a mentor on a need in the plan). */
  mentorRequest: { requestId: string; needId?: string };
  mentorProposal: { matchId: string; role: PairRole };
  mentorIntro: { matchId: string; role: PairRole };
  mentorCheckIn: { matchId: string; week: number };
  /** After saving: the trigger it recorded, for Create briefing. */
  /** `editing`: L&D changing the trigger `triggerId`; otherwise the trigger this card saved, once saved. */
  newTrigger: { triggerId?: string; editing?: boolean };
  triggerList: Record<string, never>;
  teamDigest: { team: string; period: IsoDate };
  managerDigest: { period: IsoDate };
  orgPlan: { period: IsoDate };
  /** A team's priorities for the year, agreed by its manager over the version the card showed (null: none yet). */
  teamAgreement: { team: string; seenVersion: number | null };
  /** L&D's commissioning lines and budget for the year. */
  yearPlan: Record<string, never>;
  /** One commissioning line of a year (null until first saved), and what a new one starts with (from a priority). */
  commissionLine: { year: string; lineId: string | null; prefill?: Record<string, string> };
  digestLink: { team: string };
  /**
   * `previewing` with the draft's ETag: Send sends exactly what was previewed. `line`: the
   * commissioning line the offer is made from, which it joins when sent.
   */
  offerCompose: { offerId: string; previewing?: boolean; draftEtag?: string | null; attendancePage?: number; line?: { year: string; lineId: string }; trigger?: string };
  offerInvite: { offerId: string };
  offerEvaluation: { offerId: string };
  /** The integration pulse of a quarter ("2026-Q4"). Only the quarter: the answer is stored without the person. */
  pulse: { quarter: string };
}

export type CardKind = keyof CardContexts;

/** An issued card of a known kind, its context typed. */
export type CardOf<K extends CardKind> = Omit<IssuedCard, 'kind' | 'context'> & { kind: K; context: CardContexts[K] };

/** A heading and line shown above a card sent again (a reminder, or after a snooze). */
export interface CardNote {
  heading: string;
  text: string;
}

/**
 * Draws an issued card as it is sent (so it carries the latest state): the conversation layer's
 * flows, handed to the app where the composition root builds it. Undefined: no flow draws this kind.
 */
export type CardRenderer = (card: IssuedCard, note?: CardNote) => Promise<AdaptiveCardJson | undefined>;

/** Changes what a card is about (the card's own ETag guards it), keeping its kind's context type. */
export async function updateCardContext<K extends CardKind>(cards: IssuedCardStore, card: CardOf<K>, context: CardContexts[K]): Promise<CardOf<K>> {
  return (await cards.updateContext(card, context)) as unknown as CardOf<K>;
}

/** Whether an issued card is of one of these kinds, its context then typed. */
export function isCardOf<K extends CardKind>(card: IssuedCard, ...kinds: K[]): card is IssuedCard & CardOf<K> {
  return (kinds as string[]).includes(card.kind);
}

/** The card as its kind's, for a flow that has checked the kind (dispatch and the renderer do). */
export function asCardOf<K extends CardKind>(card: IssuedCard, kind: K): CardOf<K> {
  if (card.kind !== kind) throw new Error(`a ${card.kind} card is not a ${kind} card`);
  return card as unknown as CardOf<K>;
}
