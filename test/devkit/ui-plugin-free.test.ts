/** `npm run lint:ui`: ui/ is the shell; a plugin id anywhere in it (code, strings, comments, docs) fails CI. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkUiPluginFree, pluginIds } from '../../core/devkit/check-ui-plugin-free.js';
import { ROOT_DIR } from '../../core/kernel.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'wuye-ui-lint-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(file: string, content: string) {
  mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
  writeFileSync(path.join(tmp, file), content);
}

describe('ui/ names no plugin', () => {
  it('flags ids in code, strings, templates, comments, HTML and docs; not in unit tests or the build, nor inside longer words', () => {
    write('plugins/parcel-desk/plugin.json', '{}');
    write('plugins/billing/plugin.json', '{}');
    write('plugins/notes/README.md', 'no plugin.json: not a plugin');
    write('ui/src/a.ts', [
      '// billing explains an example in a comment',
      '/** parcel-desk too */',
      "const x = 'billing';",
      'const y = `#/${x}/parcel-desk/7`;',
      'const billingLike = 1; const rebilling = 2; const parcelDesk = 3;',
      'function billing() { return notes; }',
    ].join('\n'));
    write('ui/index.html', '<!-- billing -->\n<a href="#/billing/bills">x</a>');
    write('ui/dist/app.js', "'billing'");
    write('ui/src/README.md', 'see `plugins/<id>/ui/`\nas billing does');
    write('ui/src/a.test.ts', "import plugin from '../../plugins/billing/plugin.json';");
    expect(pluginIds(path.join(tmp, 'plugins'))).toEqual(['billing', 'parcel-desk']);
    const hits = checkUiPluginFree(path.join(tmp, 'ui'), path.join(tmp, 'plugins'));
    expect(hits.map((h) => `${path.relative(tmp, h.file)}:${h.line}:${h.pluginId}`)).toEqual([
      'ui/index.html:1:billing',
      'ui/index.html:2:billing',
      'ui/src/README.md:2:billing',
      'ui/src/a.ts:1:billing',
      'ui/src/a.ts:2:parcel-desk',
      'ui/src/a.ts:3:billing',
      'ui/src/a.ts:4:parcel-desk',
      'ui/src/a.ts:6:billing',
    ]);
  });

  it('holds for the repository', () => {
    expect(checkUiPluginFree(path.join(ROOT_DIR, 'ui'), path.join(ROOT_DIR, 'plugins'))).toEqual([]);
  });
});
