// Every kind of actionable card Weave sends. A verb belongs to exactly one flow.
import { addNeedFlow } from './addNeed';
import { commissionLineFlow, yearPlanFlow } from './commissioning';
import { digestLinkFlow, managerDigestFlow, teamDigestFlow } from './digests';
import { orgPlanFlow } from './orgPlan';
import type { CardKind, CardOf, CardRenderer } from '../../app/cards';
import type { BotDeps } from '../context';
import type { CardAction, CardFlow } from './flow';
import { newTriggerFlow } from './newTrigger';
import { triggerListFlow } from './triggerList';
import { offerComposeFlow } from './offers/compose';
import { offerInviteFlow } from './offers/invite';
import { offerEvaluationFlow } from './offers/evaluate';
import { joinerConfirmFlow } from './joinerConfirm';
import { logCpdFlow } from './logCpd';
import { mentorCheckInFlow } from './mentorCheckIn';
import { mentorOfferFlow } from './mentorOffer';
import { mentorIntroFlow, mentorProposalFlow } from './mentorProposal';
import { mentorRequestFlow } from './mentorRequest';
import { onboardingFlow } from './onboarding';
import { planFlow, reportPlanFlow } from './plan';
import { profileFlow } from './profile';
import { appraisalPromptFlow, supervisionPromptFlow } from './sessionPrompt';
import { scheduleSessionFlow } from './scheduleSession';
import { sessionSummaryFlow } from './sessionSummary';
import { teamAgreementFlow } from './teamAgreement';
import { sessionOutcomeFlow } from './sessionOutcome';
import { sessionRecordFlow } from './sessionRecord';
import { planAgreementFlow, planConfirmFlow } from './planAgreement';
import { pulseFlow } from './pulse';
import { qualificationConfirmFlow, qualificationsFlow } from './qualifications';
import { pathwayFlow } from './pathway';

export const FLOWS: readonly CardFlow[] = [
  onboardingFlow, profileFlow, joinerConfirmFlow, supervisionPromptFlow, appraisalPromptFlow, sessionSummaryFlow, scheduleSessionFlow,
  sessionOutcomeFlow, sessionRecordFlow, planAgreementFlow, planConfirmFlow,
  addNeedFlow, planFlow, reportPlanFlow, logCpdFlow,
  mentorOfferFlow, mentorRequestFlow, mentorProposalFlow, mentorIntroFlow, mentorCheckInFlow,
  newTriggerFlow, triggerListFlow, teamDigestFlow, managerDigestFlow, orgPlanFlow, digestLinkFlow, teamAgreementFlow, yearPlanFlow, commissionLineFlow,
  offerComposeFlow, offerInviteFlow, offerEvaluationFlow, pulseFlow,
  qualificationsFlow, qualificationConfirmFlow, pathwayFlow,
];

const byKind = new Map(FLOWS.map((f) => [f.kind, f]));
const byVerb = new Map<string, { flow: CardFlow; action: CardAction }>();
for (const flow of FLOWS) {
  for (const [verb, action] of Object.entries(flow.actions)) {
    if (byVerb.has(verb)) throw new Error(`card verb ${verb} is defined twice`);
    byVerb.set(verb, { flow, action });
  }
}

export function flowFor(kind: string): CardFlow | undefined {
  return byKind.get(kind as CardKind);
}

/** The app's CardRenderer: an issued card drawn by its kind's flow, as it is sent. */
export function cardRenderer(deps: BotDeps): CardRenderer {
  return async (card, note) => flowFor(card.kind)?.render(deps, card as unknown as CardOf<CardKind>, note ? { notice: note } : undefined);
}

export function findAction(verb: string): { flow: CardFlow; action: CardAction } | undefined {
  return byVerb.get(verb);
}
