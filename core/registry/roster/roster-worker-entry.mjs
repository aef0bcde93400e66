// Worker threads start without the TypeScript loader the server and the tests run under. The
// production build has the compiled worker next to this file; otherwise register tsx in this thread
// (imported only then: a production install has no tsx), then load the TypeScript worker.
import { existsSync } from 'node:fs';

const compiled = new URL('./roster-worker.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./roster-worker.ts');
}
