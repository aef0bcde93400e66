/** Kept for tests that import the ledger's helpers from here; they live in test-support/ (see ledger-world.ts). */
export * from './test-support/ledger-world.js';
