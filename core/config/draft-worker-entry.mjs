/**
 * Entry of the draft pool's threads. The server runs under tsx and tests under vitest, whose module
 * hooks a worker thread does not inherit: tsx's loader is registered here, for this thread's
 * imports only (a namespace), before the TypeScript worker is loaded.
 */
import { register } from 'tsx/esm/api';

const api = register({ namespace: 'wuye-draft-worker' });
const worker = await api.import('./draft-worker.ts', import.meta.url);

export default worker.default;
