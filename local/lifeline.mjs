// Preloaded (`node --import`) into each process the local stack starts: Azurite and the playgrounds.
// `npm start` stops them itself however it is asked to stop; this covers the deaths it cannot act
// on (SIGKILL, the OOM killer). When the process that started this one is gone, this one is
// re-parented, so its parent id changes: it then stops itself rather than hold its ports.
// Plain JavaScript: the children run without tsx.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  process.kill(process.pid, 'SIGINT'); // Azurite writes its data on SIGINT
  setTimeout(() => process.exit(1), 3000).unref();
}, 500);
watch.unref();
