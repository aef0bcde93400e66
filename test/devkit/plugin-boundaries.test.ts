/** The plugin boundary lint (core/devkit/check-plugin-imports.ts) on the repository and on a bad plugin. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/kernel.js';
import { checkPluginImports } from '../../core/devkit/check-plugin-imports.js';

describe('plugin import boundary', () => {
  it("the repository's plugins import only core's public API", () => {
    expect(checkPluginImports(ROOT_DIR)).toEqual([]);
  });

  it('reports core internals, other plugins and outside files; allows the harness in tests', () => {
    const root = mkdtempSync(path.join(ROOT_DIR, 'test-results', 'boundary-'));
    try {
      const plugins = path.join(root, 'plugins');
      mkdirSync(path.join(plugins, 'alpha'), { recursive: true });
      mkdirSync(path.join(plugins, 'beta'), { recursive: true });
      mkdirSync(path.join(root, 'core', 'testing'), { recursive: true });
      writeFileSync(path.join(plugins, 'beta', 'shared.ts'), 'export const x = 1;\n');
      writeFileSync(path.join(plugins, 'alpha', 'index.ts'), [
        "import { definePlugin } from '../../core/plugin-api.js';",
        "import { CaseService } from '../../core/cases/case-service.js';",
        "import { x } from '../beta/shared.js';",
        "import Decimal from 'decimal.js';",
        "const lazy = () => import('../../ui/src/api.js');",
        'export default definePlugin({ setup() {} });',
      ].join('\n'));
      writeFileSync(path.join(plugins, 'alpha', 'alpha.test.ts'), "import { startTestKernel } from '../../core/testing/harness.js';\n");
      const found = checkPluginImports(root, plugins).map((v) => `${v.file}:${v.line} ${v.specifier}`);
      expect(found).toEqual([
        'plugins/alpha/index.ts:2 ../../core/cases/case-service.js',
        'plugins/alpha/index.ts:3 ../beta/shared.js',
        'plugins/alpha/index.ts:5 ../../ui/src/api.js',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
