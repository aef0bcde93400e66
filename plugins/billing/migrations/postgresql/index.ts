// GENERATED FILE — DO NOT EDIT. Regenerate with `npm run migration:create` (a plugin's: `-- --plugin <id>`).
import { Migration20261122173028_billing } from './Migration20261122173028_billing.js';
import { Migration20261122173520_billing } from './Migration20261122173520_billing.js';

export const migrations = [
  { name: 'Migration20261122173028_billing', class: Migration20261122173028_billing },
  { name: 'Migration20261122173520_billing', class: Migration20261122173520_billing },
];
