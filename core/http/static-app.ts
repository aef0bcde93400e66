/**
 * Serves the built staff app (ui/dist, made by `npm run build:ui` during install) from the same
 * server as the API, so the browser talks to one origin and nothing comes from a CDN.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

// WUYE_UI_DIST: where the built app is (ui/dist unless a test run built it elsewhere).
export const UI_DIST = process.env.WUYE_UI_DIST
  ? path.resolve(process.env.WUYE_UI_DIST)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../ui/dist');

export async function serveStaffApp(app: FastifyInstance, dist = UI_DIST): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.log.warn(`staff app not built (${dist}): run npm run build:ui`);
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    index: ['index.html'],
    // the build writes .gz files next to the assets
    preCompressed: true,
    // hashed asset names never change: cache them; index.html always revalidates
    setHeaders(res, filePath) {
      res.setHeader('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });
}
