// The README's configuration tables and command list must match what the code reads and does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../bot/commands';
import { LOCAL_SETTINGS } from '../local/settings';
import { SETTINGS } from '../runtime/config';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('documents every setting the app and the local stack read', () => {
    for (const name of [...Object.keys(SETTINGS), ...Object.keys(LOCAL_SETTINGS)]) {
      expect(readme, name).toContain(`| \`${name}\` |`);
    }
  });

  it('shows exactly the two quick-start commands', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('`npm start` brings up'));
    const commands = quickStart.split('\n').filter((l) => /^npm /.test(l)).map((l) => l.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['npm install && npm start', 'npm test']);
  });

  it('mentions every chat command', () => {
    for (const c of COMMANDS) expect(readme).toContain(`\`${c.name}\``);
  });
});
