// Everything the use cases may be given: configuration, the clock and log, the stores, the outbox and
// the policies. A use case names the few it needs (Pick<AppDeps, …>); the composition root
// (runtime/runtime.ts) builds one of these and every layer above app/ passes it down.
import type { CadencePolicy } from '../core/cadencePolicy';
import type { RegistrationPolicy } from '../core/registration';
import type { MentoringPolicy } from '../core/mentoring';
import type { MentoringStore } from '../store/mentoring';
import type { PlanPolicy } from '../core/planPolicy';
import type { PlanStore } from '../store/plans';
import type { WorkQueue } from './messaging/work';
import type { OfferPolicy } from '../core/offers';
import type { MandatoryPolicy } from '../core/mandatory';
import type { OfferStore } from '../store/offers';
import type { AgreementStore } from '../store/agreements';
import type { CommissioningStore } from '../store/commissioning';
import type { CpdStore } from '../store/cpd';
import type { QualificationStore } from '../store/qualifications';
import type { AspirationStore } from '../store/aspirations';
import type { PathwayPolicy } from '../core/pathways';
import type { ExportLinkStore } from '../store/exports';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/log';
import type { Config } from '../core/config';
import type { ConversationStore } from '../store/conversations';
import type { IssuedCardStore } from '../store/issuedCards';
import type { NeedStore } from '../store/needs';
import type { PeopleStore } from '../store/people';
import type { ScheduleStore } from '../store/schedules';
import type { SessionStore } from '../store/sessions';
import type { AppraisalStore } from '../store/appraisals';
import type { TeamStore } from '../store/teamsInstalled';
import type { Outbox } from './messaging/outbox';
import type { DeliveryStore } from '../store/deliveries';
import type { InstallStore } from '../store/installs';
import type { PulsePolicy } from '../core/pulse';
import type { PulseStore } from '../store/pulse';

import type { CardRenderer } from './cards';

export interface AppDeps {
  config: Config;
  clock: Clock;
  log: Logger;
  newId: () => string;
  people: PeopleStore;
  conversations: ConversationStore;
  teams: TeamStore;
  cards: IssuedCardStore;
  /** What the outbox did with each send (a prompt that could not be delivered, say). */
  deliveries: DeliveryStore;
  outbox: Outbox;
  /** Proactive installations asked of Graph, and the deliveries waiting for them. */
  installs: InstallStore;
  needs: NeedStore;
  schedules: ScheduleStore;
  sessions: SessionStore;
  /** What each appraisal left: ratings, barriers, feedback, and next year's plan as agreed. */
  appraisals: AppraisalStore;
  cpd: CpdStore;
  /** Qualifications by RQF level: from the roster, or added by the person and confirmed by their manager. */
  qualifications: QualificationStore;
  /** Where people would like to go (policy/pathways.json's roles), and whether their manager may see it. */
  aspirations: AspirationStore;
  pathways: PathwayPolicy;
  exportLinks: ExportLinkStore;
  policy: CadencePolicy;
  registration: RegistrationPolicy;
  mentoring: MentoringStore;
  mentoringPolicy: MentoringPolicy;
  plans: PlanStore;
  planPolicy: PlanPolicy;
  work: WorkQueue;
  offers: OfferStore;
  offerPolicy: OfferPolicy;
  /** Mandatory learning: who must keep what current, how often, and what counts (policy/mandatory.json). */
  mandatory: MandatoryPolicy;
  agreements: AgreementStore;
  commissioning: CommissioningStore;
  /** The integration pulse: anonymous answers, and who was sent it and answered (never what). */
  pulse: PulseStore;
  pulsePolicy: PulsePolicy;
  /** Draws an issued card as it is sent: the conversation layer's, given to the app at composition. */
  renderCard: CardRenderer;
}
