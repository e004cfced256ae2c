// Every way the local stack is asked to stop. A signal reaches `npm start` from a terminal's Ctrl+C
// (to the whole process group, and again forwarded by npm), an IDE's stop button, `timeout`, a
// process supervisor, SIGTERM or SIGINT to npm alone (npm forwards those two), or a closed
// terminal's SIGHUP. Sometimes nothing reaches it: when whatever launched it dies without passing a
// signal on (SIGHUP or SIGKILL to npm alone), this process is re-parented, which only its parent id
// shows.

export type StopRequest = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'orphaned';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function onStopRequest(request: (why: StopRequest) => void, parentPollMs = 500): void {
  for (const signal of SIGNALS) process.on(signal, () => request(signal));
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    request('orphaned');
  }, parentPollMs);
  watch.unref();
  // After a terminal closes every write to it fails; stopping must not die of that.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
}
