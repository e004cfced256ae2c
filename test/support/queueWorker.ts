// A queue worker in its own process, for fault tests that kill it: the same runtime and local host
// as Weave runs, polling the work and outbox queues in the test's Azurite, sending to the test's
// fake connector. Settings come from the environment the test passes.
import { silentLogger } from '../../core/log';
import { startLocalHost } from '../../functions/local/host';
import { loadConfig } from '../../runtime/config';
import { createRuntime } from '../../runtime/runtime';

const config = loadConfig(process.env);
const rt = await createRuntime(config, { log: silentLogger, provision: false });
await startLocalHost(rt, { port: 0, timers: false, queue: { minPollingMs: 10, maxPollingMs: 50 } });
process.stdout.write('worker ready\n');
