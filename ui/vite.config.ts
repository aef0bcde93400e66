/**
 * Builds the staff web app (ui/index.html) and the forms lab (forms/lab/forms-lab.html, served
 * at /forms-lab.html) into ui/dist, which the server serves at `/`. Everything is bundled: the
 * machines running Wuye are often offline, so there is no CDN.
 *
 *   npx vite build --config ui/vite.config.ts        (npm run build:ui)
 *   npx vite --config ui/vite.config.ts              (dev server; /api is proxied to WUYE_API or 127.0.0.1:3000)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const uiDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(uiDir, '..');
const formsLab = path.join(rootDir, 'forms/lab/forms-lab.html');

/**
 * The forms lab lives in forms/lab/, outside the app's root. For the build it enters as a virtual
 * page ui/forms-lab.html (so it lands at dist/forms-lab.html) whose content is the lab's file with
 * its relative URLs pointed back at forms/lab/. The dev server redirects /forms-lab.html to the file
 * itself. Included only when the lab exists.
 */
const labEntry = path.join(uiDir, 'forms-lab.html');
// the lab is a developer's page (and the all-kinds browser test's): the production build leaves it out
const withLab = existsSync(formsLab) && process.env.WUYE_FORMS_LAB !== 'off';
// WUYE_UI_DIST lets several checkouts' test runs build side by side without emptying each other's app.
const outDir = process.env.WUYE_UI_DIST ? path.resolve(process.env.WUYE_UI_DIST) : path.join(uiDir, 'dist');
const labRelative = path.relative(uiDir, path.dirname(formsLab)).split(path.sep).join('/');
// The plugins whose ui/ folders the app is built with: the server's folder (WUYE_PLUGINS_DIR, as in core/server/main.ts).
const pluginsDir = process.env.WUYE_PLUGINS_DIR ? path.resolve(process.env.WUYE_PLUGINS_DIR) : path.join(rootDir, 'plugins');
const PLUGIN_UI_MODULE = 'virtual:wuye-plugin-ui';

/**
 * `virtual:wuye-plugin-ui`: one lazy import per `plugins/<id>/ui/index.ts`, keyed by the folder's
 * name, found when the app is built. Nothing is generated into the tree, so nothing can drift, and
 * ui/ names no plugin: adding a folder with a ui/index.ts is all a plugin does to bring screens.
 */
function pluginUiModules(): Plugin {
  const resolved = `\0${PLUGIN_UI_MODULE}`;
  return {
    name: 'wuye-plugin-ui',
    resolveId(id) {
      return id === PLUGIN_UI_MODULE ? resolved : null;
    },
    load(id) {
      if (id !== resolved) return null;
      const ids = existsSync(pluginsDir)
        ? readdirSync(pluginsDir, { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(path.join(pluginsDir, d.name, 'ui', 'index.ts')))
          .map((d) => d.name)
          .sort()
        : [];
      for (const id of ids) this.addWatchFile(path.join(pluginsDir, id, 'ui', 'index.ts'));
      const lines = ids.map((id) => `  ${JSON.stringify(id)}: () => import(${JSON.stringify(path.join(pluginsDir, id, 'ui', 'index.ts'))}),`);
      return `export default {\n${lines.join('\n')}\n};\n`;
    },
  };
}

function formsLabEntry(): Plugin {
  return {
    name: 'wuye-forms-lab',
    enforce: 'pre',
    resolveId(id) {
      return id === labEntry || id === '/forms-lab.html' ? labEntry : null;
    },
    load(id) {
      if (id !== labEntry) return null;
      return readFileSync(formsLab, 'utf8').replace(/(\s(?:src|href)=["'])\.\//g, `$1${labRelative}/`);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/forms-lab.html' || !existsSync(formsLab)) return next();
        res.statusCode = 302;
        res.setHeader('location', `/@fs${formsLab}`);
        res.end();
      });
    },
  };
}

/**
 * Writes a .gz next to every text asset, which the server sends to browsers that accept gzip
 * (@fastify/static preCompressed): compressed once at build, never per request.
 */
function precompress(): Plugin {
  return {
    name: 'wuye-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const file = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(file);
          else if (/\.(js|css|html|svg|json)$/.test(entry.name)) writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
        }
      };
      walk(outDir);
    },
  };
}

export default defineConfig({
  root: uiDir,
  base: '/',
  publicDir: false,
  plugins: [formsLabEntry(), pluginUiModules(), precompress()],
  // a plugins folder outside the repository (WUYE_PLUGINS_DIR) still gets the app's one copy of lit
  resolve: { dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'] },
  server: {
    host: '127.0.0.1',
    fs: { allow: [rootDir, pluginsDir] },
    proxy: { '/api': { target: process.env.WUYE_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: {
        app: path.join(uiDir, 'index.html'),
        ...(withLab ? { 'forms-lab': labEntry } : {}),
      },
    },
  },
});
