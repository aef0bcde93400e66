// GENERATED FILE — DO NOT EDIT. Regenerate with `npm run migration:create`.
import { Migration20261122145407 } from './Migration20261122145407.js';

export const migrations = [
  { name: 'Migration20261122145407', class: Migration20261122145407 },
];
