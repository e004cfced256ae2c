// Builds the tab: tab/client bundled for the browser (esbuild, one script), with its page, styles and icon.
// `npm run build` writes them beside the function app; the local host builds them in memory.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';
import { TAB_FILES, type TabAsset, type TabAssets } from './assets';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

export async function buildTab(): Promise<Map<string, Buffer>> {
  const script = await build({
    entryPoints: [join(ROOT, 'tab', 'client', 'main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome110', 'safari16', 'firefox115'],
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return new Map([
    ['app.js', Buffer.from(script.outputFiles[0]!.contents)],
    ['index.html', await readFile(join(ROOT, 'tab', 'static', 'index.html'))],
    // The card renderer's own styles, then Weave's.
    ['app.css', Buffer.from(`${(await readFile(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8')).replace(/\/\*# sourceMappingURL=.*?\*\//g, '')}\n${await readFile(join(ROOT, 'tab', 'static', 'app.css'), 'utf8')}`)],
    // Weave's app icon, so a browser tab shows it instead of asking for /favicon.ico (a 404).
    ['icon.png', await readFile(join(ROOT, 'manifest', 'color.png'))],
  ]);
}

/** Local: built once, on the first request. */
export function tabAssetsBuiltOnDemand(): TabAssets {
  let built: Promise<Map<string, Buffer>> | undefined;
  return {
    async get(file): Promise<TabAsset | undefined> {
      const contentType = TAB_FILES[file];
      if (!contentType) return undefined;
      built ??= buildTab();
      const body = (await built).get(file);
      return body && { body, contentType };
    },
  };
}
