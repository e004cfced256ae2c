// What every conversation handler is given. Nothing here depends on a bot SDK: bot/teams/ turns
// Bot Framework activities into a Turn, and these handlers answer with plain messages and cards.
import type { CadencePolicy } from '../core/cadencePolicy';
import type { RegistrationPolicy } from '../core/registration';
import type { MentoringPolicy } from '../core/mentoring';
import type { MentoringStore } from '../store/mentoring';
import type { PlanPolicy } from '../core/planPolicy';
import type { PlanStore } from '../store/plans';
import type { WorkQueue } from './work';
import type { OfferPolicy } from '../core/offers';
import type { OfferStore } from '../store/offers';
import type { CpdStore } from '../store/cpd';
import type { ExportLinkStore } from '../store/exports';
import type { Clock } from '../core/clock';
import type { ConversationRef, OutboundMessage } from '../core/conversation';
import type { Logger } from '../core/log';
import type { Config } from '../core/config';
import type { ConversationStore } from '../store/conversations';
import type { IssuedCardStore } from '../store/issuedCards';
import type { NeedStore } from '../store/needs';
import type { PeopleStore, StoredPerson } from '../store/people';
import type { ScheduleStore } from '../store/schedules';
import type { SessionStore } from '../store/sessions';
import type { TeamStore } from '../store/teamsInstalled';
import type { Outbox } from './outbox';
import type { DeliveryStore } from '../store/deliveries';

export interface BotDeps {
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
  needs: NeedStore;
  schedules: ScheduleStore;
  sessions: SessionStore;
  cpd: CpdStore;
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
}

/** One incoming activity, as Weave needs to know it. */
export interface Turn {
  tenantId: string;
  user: { aadObjectId: string; name: string };
  conversation: ConversationRef;
  /** IANA zone from the Teams client (activity.localTimezone), when it sent one. */
  timeZone: string | null;
  locale: string | null;
  team: { id: string; name: string; aadGroupId: string } | null;
  /** The person's email as Teams knows it (a roster lookup from Teams); null if Teams won't say. */
  memberEmail(): Promise<string | null>;
}

/** Who is asking, as the staff directory knows them (undefined: not on the roster and not introduced). */
export interface Asking {
  deps: BotDeps;
  turn: Turn;
  person: StoredPerson | undefined;
}

export type Replies = OutboundMessage[];
