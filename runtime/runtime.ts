// The composition root: configuration in, every store, the bot and the proactive sender out.
// Both Functions hosts, the CLI and the tests build Weave here and nowhere else.
import { randomUUID } from 'node:crypto';
import type { DeliveryDeps } from '../app/messaging/delivery';
import { Outbox } from '../app/messaging/outbox';
import { teamsChannel, type MessagesHandler } from '../bot/teams/channel';
import { WeaveBot } from '../bot/weaveBot';
import { cardRenderer } from '../bot/flows';
import type { CardRenderer } from '../app/cards';
import { systemClock, type Clock } from '../core/clock';
import type { Logger } from '../core/log';
import type { Messenger } from '../app/messaging/messenger';
import { TableConversationStore } from '../store/conversations';
import { TableDeliveryStore } from '../store/deliveries';
import { TableImportLog, type ImportLog } from '../store/imports';
import { TableIssuedCardStore } from '../store/issuedCards';
import { TableJobRunStore, type JobRunStore } from '../store/jobRuns';
import { TablePeopleStore } from '../store/people';
import { Queues } from '../store/queues';
import { Tables } from '../store/tables';
import { TableTeamStore } from '../store/teamsInstalled';
import { TableNeedStore } from '../store/needs';
import { TableScheduleStore } from '../store/schedules';
import { TableSessionStore } from '../store/sessions';
import { TableAppraisalStore } from '../store/appraisals';
import type { CadencePolicy } from '../core/cadencePolicy';
import { loadCadencePolicy, loadMentoringPolicy, loadOfferPolicy, loadPlanPolicy, loadPulsePolicy, loadMandatoryPolicy, loadPathwayPolicy, loadRegistrationPolicy } from './policy';
import { TablePulseStore } from '../store/pulse';
import { TableOfferStore } from '../store/offers';
import { TableAgreementStore } from '../store/agreements';
import { TableCommissioningStore } from '../store/commissioning';
import { TablePlanStore } from '../store/plans';
import { WorkQueue } from '../app/messaging/work';
import { budgetBurst, SendPacer } from '../app/messaging/sendPacer';
import { noInstaller, type AppInstaller } from '../app/messaging/installer';
import { GraphAppInstaller } from '../graph/installer';
import { managedIdentityGraphToken, noGraphToken } from '../graph/tokens';
import { TableInstallStore } from '../store/installs';
import { devSigner, type DevSigner } from '../api/tokens';
import { noTabAssets, type TabAssets } from '../tab/assets';
import { TableRateBudget } from '../store/rateLimit';
import { TableMentoringStore } from '../store/mentoring';
import { TableCpdStore } from '../store/cpd';
import { TableQualificationStore } from '../store/qualifications';
import { TableAspirationStore } from '../store/aspirations';
import { TableExportLinkStore } from '../store/exports';
import type { Config } from './config';
import { createAppLogger } from '../functions/invocationLog';

export interface Runtime extends DeliveryDeps {
  tables: Tables;
  queues: Queues;
  jobRuns: JobRunStore;
  imports: ImportLog;
  weave: WeaveBot;
  messages: MessagesHandler;
  /** The tab's page, script and styles. */
  tabAssets: TabAssets;
  /** Local mode only: signs dev sign-in tokens for the tab. Null in Azure, so no such token can exist there. */
  devSignIn: DevSigner | null;
}

export interface RuntimeOptions {
  clock?: Clock;
  log?: Logger;
  /** Replaces the Teams sender (a test recording what would be sent). */
  messenger?: Messenger;
  /** A cadence policy other than policy/cadence.json (tests). */
  policy?: CadencePolicy;
  /** Extra Bot Framework authentication settings (a local OpenID metadata endpoint in tests). */
  authOverrides?: Record<string, string>;
  /**
   * Create any missing tables and queues at start. The default: locally yes; in Azure no, since
   * infra/main.bicep provisions them and an operator's own identity may not be allowed to.
   */
  provision?: boolean;
  /** Where the tab's files come from (prebuilt in Azure, built on demand locally); without it the tab is not served. */
  tabAssets?: TabAssets;
  /** Local mode: who the dev sign-in lists first (the demo people the README walks through). */
  devSignInFirst?: readonly string[];
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const policy = options.policy ?? loadCadencePolicy();
  const log = options.log ?? createAppLogger(config.logLevel);
  const tables = new Tables(config.storage);
  const queues = new Queues(config.storage);
  if (options.provision ?? config.mode === 'local') await Promise.all([tables.ensureAll(), queues.ensureAll()]);

  const cards = new TableIssuedCardStore(tables);
  const deliveries = new TableDeliveryStore(tables);
  const teams = teamsChannel(config, log, options.authOverrides);
  const deps = {
    config,
    clock,
    log,
    newId: randomUUID,
    people: new TablePeopleStore(tables),
    conversations: new TableConversationStore(tables),
    teams: new TableTeamStore(tables),
    cards,
    deliveries,
    outbox: new Outbox(deliveries, queues, cards, clock),
    installs: new TableInstallStore(tables),
    needs: new TableNeedStore(tables),
    schedules: new TableScheduleStore(tables),
    sessions: new TableSessionStore(tables),
    appraisals: new TableAppraisalStore(tables),
    cpd: new TableCpdStore(tables),
    qualifications: new TableQualificationStore(tables),
    aspirations: new TableAspirationStore(tables),
    pathways: loadPathwayPolicy(),
    exportLinks: new TableExportLinkStore(tables),
    policy,
    registration: loadRegistrationPolicy(),
    mentoring: new TableMentoringStore(tables),
    mentoringPolicy: loadMentoringPolicy(),
    plans: new TablePlanStore(tables),
    planPolicy: loadPlanPolicy(),
    work: new WorkQueue(queues),
    offers: new TableOfferStore(tables),
    offerPolicy: loadOfferPolicy(),
    mandatory: loadMandatoryPolicy(),
    agreements: new TableAgreementStore(tables),
    commissioning: new TableCommissioningStore(tables),
    pulse: new TablePulseStore(tables),
    pulsePolicy: loadPulsePolicy(),
    messenger: options.messenger ?? teams.messenger,
    // The conversation's flows draw the cards the app sends (made just below: they are given these deps).
    renderCard: ((card, note) => renderCard(card, note)) as CardRenderer,
  };
  const renderCard: CardRenderer = cardRenderer(deps);
  const weave = new WeaveBot(deps);
  const pacer = new SendPacer(new TableRateBudget(tables, config.tenantId, 'teams-send', config.sendRatePerSecond, budgetBurst(config.sendRatePerSecond)));
  return {
    ...deps,
    pacer,
    installer: installerFor(config),
    tables,
    queues,
    jobRuns: new TableJobRunStore(tables),
    imports: new TableImportLog(tables),
    weave,
    messages: teams.messagesHandler(weave),
    tabAssets: options.tabAssets ?? noTabAssets,
    devSignIn: config.mode === 'local' ? devSigner(config.tenantId, () => clock.now(), options.devSignInFirst) : null,
  };
}

/** Graph's proactive installation when switched on; its token is the bot's managed identity in Azure, none locally. */
function installerFor(config: Config): AppInstaller {
  const install = config.proactiveInstall;
  if (!install) return noInstaller;
  const token = config.mode === 'azure' && config.bot.appType === 'UserAssignedMSI' ? managedIdentityGraphToken(config.bot.appId, install.graphUrl) : noGraphToken;
  return new GraphAppInstaller(install, token);
}
