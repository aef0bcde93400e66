/**
 * `npm run wuye -- plugin:from-config <company> <caseType> [--out <dir>]`: writes a case type the
 * company built in its configuration (caseTypes.xKeyLoan, core/config/company-case-types.ts) out
 * as a plugin folder a developer can take over (core/config/export-company-type.ts): by default
 * plugins/<id> beside the installed plugins (WUYE_PLUGINS_DIR). The folder is read back and
 * checked beside the installed plugins with the loader's own checks (checkBundles); when it fails
 * them it is removed again and the issues are printed.
 */
import { mkdir, rm, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CoreCommand } from '../core-command.js';
import { ROOT_DIR } from '../../kernel.js';
import { Company } from '../../db/entities/index.js';
import { readFlags } from './company-cli-input.js';
import { exportCompanyType } from '../../config/export-company-type.js';
import { readPluginFolder } from '../../declarations/read-plugin-folder.js';
import { checkBundles } from '../../declarations/check-bundles.js';

const USAGE = 'plugin:from-config <company code> <caseType> [--out <dir>]';

export const pluginFromConfigCommand: CoreCommand = {
  summary: "Write a case type a company built in its configuration out as a plugin folder (checked like an installed plugin's)",
  usage: USAGE,
  async run(args, kernel) {
    const { flags, positionals, problem } = readFlags(args, ['out'], 2);
    const [companyCode, companyType] = positionals;
    if (problem || !companyCode || !companyType) {
      console.error(`${problem ? `${problem}\n` : ''}usage: npm run wuye -- ${USAGE}`);
      return 2;
    }
    const company = await kernel.orm.em.fork().findOne(Company, { code: companyCode });
    if (!company) {
      console.error(`plugin:from-config: no company with code "${companyCode}"`);
      return 1;
    }
    const current = await kernel.configs.current(company.id);
    const document = await kernel.configs.documentOf(company.id, current.id);
    const def = document.caseTypes?.[companyType];
    if (!def) {
      const known = Object.keys(document.caseTypes ?? {});
      console.error(`plugin:from-config: configuration version ${current.number} of ${companyCode} has no case type "${companyType}" (its own: ${known.join(', ') || 'none'})`);
      return 1;
    }
    const compiled = await kernel.configs.compiledFor(company.id, current.id, null);
    const exported = exportCompanyType(companyType, def, { plugins: kernel.plugins.bundles, roles: compiled.roles, companyName: company.name, configVersion: current.number });
    const dir = path.resolve(flags.out ?? path.join(process.env.WUYE_PLUGINS_DIR ?? path.join(ROOT_DIR, 'plugins'), exported.pluginId));
    if (await stat(dir).then(() => true, () => false)) {
      console.error(`plugin:from-config: ${dir} exists; nothing written (give another --out)`);
      return 1;
    }
    for (const [file, content] of exported.files) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content, 'utf8');
    }
    // read back and checked as the loader would, beside the installed plugins
    const read = await readPluginFolder(dir, dir);
    const extensions = kernel.plugins.extensions;
    const issues = read.issues.length ? read.issues
      : checkBundles([read], { effectTypes: extensions.effectTypes(), templateHelpers: extensions.templateHelpers.keys() }, kernel.plugins.bundles);
    if (issues.length) {
      // the folder is new (refused above when it existed): a developer gets no folder the loader refuses
      await rm(dir, { recursive: true, force: true });
      console.error(`plugin:from-config: the plugin folder for ${companyType} does not pass the declaration checks, nothing written:\n${issues.map((i) => `  [${i.code}] ${i.file ?? ''} ${i.pointer}: ${i.message}`).join('\n')}`);
      return 1;
    }
    console.log(`plugin:from-config: wrote ${dir} (plugin ${exported.pluginId}, case type ${exported.caseType}; ${exported.files.size} files)`);
    return 0;
  },
};
