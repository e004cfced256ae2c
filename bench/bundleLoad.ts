// How long the Function App takes to load, bundled (what we deploy) against unbundled (the same
// code transpiled file by file, resolving node_modules as Node does), in the same run. A cold
// start pays this on every new instance. `npm run bench:bundle`  Target: bundle ≤ 0.6× unbundled.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { APP_DIR, BUNDLE_OPTIONS, buildFunctionApp } from '../functions/build';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const UNBUNDLED = join(ROOT, 'dist', 'unbundled');
const RUNS = 15;

await buildFunctionApp();
rmSync(UNBUNDLED, { recursive: true, force: true });
// Exactly the app's own files the bundle contains, each transpiled on its own.
const { metafile } = await build({ ...BUNDLE_OPTIONS, write: false, metafile: true });
const ownFiles = Object.keys(metafile.inputs).filter((f) => f.endsWith('.ts') && !f.includes('node_modules'));
await build({
  entryPoints: ownFiles.map((f) => join(ROOT, f)),
  outdir: UNBUNDLED,
  outbase: ROOT,
  bundle: false,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'error',
});
// JSON card templates are read as files when unbundled; the repository's package.json says ESM.
execFileSync('cp', ['-r', join(ROOT, 'cards', 'templates'), join(UNBUNDLED, 'cards', 'templates')]);
writeFileSync(join(UNBUNDLED, 'package.json'), '{ "type": "commonjs" }\n');

const env = {
  ...process.env,
  WEAVE_TENANT_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  MicrosoftAppId: '9b2c4d6e-1a3b-4c5d-8e7f-a0b1c2d3e4f5',
  AzureWebJobsStorage__accountName: 'weavebench',
  AzureWebJobsStorage__credential: 'managedidentity',
  AzureWebJobsStorage__clientId: '9b2c4d6e-1a3b-4c5d-8e7f-a0b1c2d3e4f5',
};

/** Load time in ms, and how many files Node read to load it (the CommonJS loader reads each with readFileSync). */
function load(entry: string): { ms: number; files: number } {
  const script = [
    'const fs=require("node:fs");let files=0;const read=fs.readFileSync;fs.readFileSync=function(...a){files++;return read.apply(this,a)};',
    `const t=performance.now();require(${JSON.stringify(entry)});const ms=performance.now()-t;`,
    'process.stdout.write(JSON.stringify({ms,files}))',
  ].join('');
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString()) as { ms: number; files: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Empties the OS page cache, as on an instance that has just started; needs root. */
function dropCaches(): boolean {
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3\n');
    return true;
  } catch {
    return false;
  }
}

function measure(runs: number, cold: boolean) {
  const bundled: number[] = [];
  const unbundled: number[] = [];
  let files = { bundled: 0, unbundled: 0 };
  for (let i = 0; i < runs; i++) {
    // Interleaved, so both see the same machine.
    if (cold) dropCaches();
    const b = load(join(APP_DIR, 'index.cjs'));
    if (cold) dropCaches();
    const u = load(join(UNBUNDLED, 'functions', 'index.js'));
    bundled.push(b.ms);
    unbundled.push(u.ms);
    files = { bundled: b.files, unbundled: u.files };
  }
  return { b: median(bundled), u: median(unbundled), files };
}

function report(title: string, runs: number, m: ReturnType<typeof measure>) {
  console.log(`${title}, median of ${runs} fresh processes each`);
  console.log(`  unbundled (node_modules resolution): ${m.u.toFixed(0)} ms, ${m.files.unbundled} files read`);
  console.log(`  bundled (dist/function-app/index.cjs): ${m.b.toFixed(0)} ms, ${m.files.bundled} file read`);
  console.log(`  ratio: ${(m.b / m.u).toFixed(2)}×`);
}

console.log(`node ${process.version}, ${cpus().length} cores\n`);
report('Warm start (files already in the OS page cache)', RUNS, measure(RUNS, false));
if (dropCaches()) {
  const cold = measure(7, true);
  report('\nCold start (page cache emptied before each load, as on a new instance)', 7, cold);
  console.log(`  target ≤ 0.60× on a cold start: ${cold.b / cold.u <= 0.6 ? 'met' : 'NOT met'}`);
} else {
  console.log('\nCold-start runs skipped: emptying the page cache needs root.');
}
