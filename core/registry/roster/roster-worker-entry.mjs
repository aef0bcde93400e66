// Worker threads start without the TypeScript loader the server and the tests run under: register
// tsx in this thread, then load the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./roster-worker.ts');
