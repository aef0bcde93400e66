/**
 * Entry of the draft pool's threads. In the production build (`npm run build`) the worker is
 * compiled JavaScript next to this file and is imported as it is. In development the server runs
 * under tsx and tests under vitest, whose module hooks a worker thread does not inherit: tsx's
 * loader is registered here, for this thread's imports only (a namespace), before the TypeScript
 * worker is loaded. tsx is imported only then, so a production install needs no tsx.
 */
import { existsSync } from 'node:fs';

const compiled = new URL('./draft-worker.js', import.meta.url);
let worker;
if (existsSync(compiled)) {
  worker = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  const api = register({ namespace: 'wuye-draft-worker' });
  worker = await api.import('./draft-worker.ts', import.meta.url);
}

export default worker.default;
