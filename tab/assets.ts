// The tab's files (page, script, styles, icon) as the Functions app serves them. In Azure they are built
// ahead by `npm run build` and read from the deployed folder; locally tab/build.ts makes them on
// first request. Either way the handler sees the same small interface.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface TabAsset {
  body: Buffer;
  contentType: string;
}

export interface TabAssets {
  get(file: string): Promise<TabAsset | undefined>;
}

export const TAB_FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'icon.png': 'image/png',
};

export const noTabAssets: TabAssets = { get: () => Promise.resolve(undefined) };

/** The prebuilt files in a folder (the deployed function app's tab/). */
export function tabAssetsFrom(dir: string): TabAssets {
  const cache = new Map<string, Promise<TabAsset | undefined>>();
  return {
    get(file) {
      const contentType = TAB_FILES[file];
      if (!contentType) return Promise.resolve(undefined);
      if (!cache.has(file)) cache.set(file, readFile(join(dir, file)).then((body) => ({ body, contentType }), () => undefined));
      return cache.get(file)!;
    },
  };
}
