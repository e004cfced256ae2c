// What every function's handler is given: the use cases' dependencies and the few host-level
// parts (the messaging endpoint, the job-run ledger, the queues). runtime/runtime.ts builds one;
// the two hosts (Azure's, functions/index.ts, and the local one) hand it to the handlers.
import type { ApiHost } from '../api/http';
import type { DeliveryDeps } from '../app/messaging/delivery';
import type { MessagesHandler } from '../bot/teams/channel';
import type { JobRunStore } from '../store/jobRuns';
import type { Queues } from '../store/queues';

export interface FunctionHost extends ApiHost, DeliveryDeps {
  queues: Queues;
  jobRuns: JobRunStore;
  /** The Bot Framework messaging endpoint's handler. */
  messages: MessagesHandler;
}
