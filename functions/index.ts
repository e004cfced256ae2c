// The Azure Functions host: registers every declared function with the v4 programming model.
// Configuration is read at load, so a misconfigured app (Azure mode without bot credentials,
// say) fails to start rather than answering as an anonymous bot.
import { fileURLToPath } from 'node:url';
import functions from '@azure/functions';
import { loadConfig } from '../runtime/config';
import { loadCadencePolicy, loadMentoringPolicy, loadOfferPolicy, loadPlanPolicy, loadRegistrationPolicy } from '../runtime/policy';
import { createRuntime, type Runtime } from '../runtime/runtime';
import { tabAssetsFrom } from '../tab/assets';
import { queueName } from '../store/queues';
import { AZURE_TIMER_TICK, bindHttp, bindQueue, bindTimer } from './bind';
import { FUNCTIONS } from './declarations';

const { app } = functions;
const config = loadConfig();
// An invalid policy stops the app here, with its reasons.
loadCadencePolicy();
loadRegistrationPolicy();
loadMentoringPolicy();
loadPlanPolicy();
loadOfferPolicy();
let runtime: Promise<Runtime> | undefined;
function getRuntime(): Promise<Runtime> {
  // npm run build puts the tab's files in tab/ beside this bundle.
  runtime ??= createRuntime(config, { tabAssets: tabAssetsFrom(fileURLToPath(new URL('./tab/', import.meta.url))) }).catch((err: unknown) => {
    runtime = undefined; // let the next invocation try again (storage briefly unreachable at start)
    throw err;
  });
  return runtime;
}

for (const decl of FUNCTIONS) {
  switch (decl.kind) {
    case 'http':
      app.http(decl.name, { route: decl.route, methods: decl.methods, authLevel: 'anonymous', handler: bindHttp(decl, getRuntime) });
      break;
    case 'queue':
      app.storageQueue(decl.name, { queueName: queueName(config.storage, decl.queue), connection: 'AzureWebJobsStorage', handler: bindQueue(decl, getRuntime) });
      break;
    case 'timer':
      app.timer(decl.name, { schedule: AZURE_TIMER_TICK, handler: bindTimer(decl, getRuntime) });
      break;
  }
}
