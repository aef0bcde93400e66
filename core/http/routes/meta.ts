/** The installed plugins' case types (what the staff app builds its menus from); health is in health.ts. */
import type { FastifyInstance } from 'fastify';
import type { LoadedPlugins } from '../../declarations/load-plugins.js';

export async function metaRoutes(app: FastifyInstance, opts: { plugins: LoadedPlugins }): Promise<void> {
  app.get('/api/plugins', { schema: { tags: ['meta'], summary: 'Installed plugins and their case types' } }, async () => ({
    items: opts.plugins.bundles.map((b) => ({
      id: b.id, version: b.manifest.version, title: b.manifest.title,
      caseTypes: Object.values(b.workflows).map((w) => ({ caseType: w.caseType, title: w.title })),
    })),
  }));
}
