// `npm run build`: the Function App as Azure runs it. One bundled file (esbuild), host.json, a
// package.json and the tab's files in dist/function-app, zipped as dist/weave-function-app.zip for zip deploy.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { zipSync } from 'fflate';
import { buildTab } from '../tab/build';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const APP_DIR = join(ROOT, 'dist', 'function-app');
export const APP_ZIP = join(ROOT, 'dist', 'weave-function-app.zip');

/** The bundle. `@azure/functions-core` is the host's own module, present only inside Azure Functions. */
export const BUNDLE_OPTIONS: BuildOptions = {
  entryPoints: [join(ROOT, 'functions', 'index.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Prefer packages' ES module builds: esbuild can then drop the parts Weave never calls.
  mainFields: ['module', 'main'],
  outfile: join(APP_DIR, 'index.cjs'),
  external: ['@azure/functions-core'],
  // Some dependencies' ESM builds use import.meta.url; in one CommonJS file that is this file's URL.
  banner: { js: 'const __weaveImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__weaveImportMetaUrl' },
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  legalComments: 'external',
  logLevel: 'warning',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export async function buildFunctionApp(): Promise<{ bundleBytes: number; zipBytes: number }> {
  rmSync(APP_DIR, { recursive: true, force: true });
  mkdirSync(APP_DIR, { recursive: true });
  await build(BUNDLE_OPTIONS);
  cpSync(join(ROOT, 'functions', 'host.json'), join(APP_DIR, 'host.json'));
  mkdirSync(join(APP_DIR, 'tab'));
  for (const [file, body] of await buildTab()) writeFileSync(join(APP_DIR, 'tab', file), body);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  writeFileSync(join(APP_DIR, 'package.json'), `${JSON.stringify({ name: pkg.name, version: pkg.version, main: 'index.cjs', engines: { node: '>=20' } }, null, 2)}\n`);
  const zip = zipSync(Object.fromEntries(filesUnder(APP_DIR).map((f) => [relative(APP_DIR, f), readFileSync(f)])), { level: 9 });
  writeFileSync(APP_ZIP, zip);
  return { bundleBytes: statSync(join(APP_DIR, 'index.cjs')).size, zipBytes: zip.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bundleBytes, zipBytes } = await buildFunctionApp();
  console.log(`built ${relative(ROOT, APP_DIR)} (index.cjs ${(bundleBytes / 1024).toFixed(0)} KB) and ${relative(ROOT, APP_ZIP)} (${(zipBytes / 1024).toFixed(0)} KB)`);
}
