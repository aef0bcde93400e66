// GENERATED FILE — DO NOT EDIT. Regenerate with `npm run migration:create` (a plugin's: `-- --plugin <id>`).
import { Migration20261122145407 } from './Migration20261122145407.js';
import { Migration20261122154158 } from './Migration20261122154158.js';
import { Migration20261122161438 } from './Migration20261122161438.js';
import { Migration20261122182031 } from './Migration20261122182031.js';
import { Migration20261122185128 } from './Migration20261122185128.js';
import { Migration20261206083355 } from './Migration20261206083355.js';
import { Migration20261206090120 } from './Migration20261206090120.js';
import { Migration20261206113529 } from './Migration20261206113529.js';
import { Migration20261206145253 } from './Migration20261206145253.js';
import { Migration20261206145306 } from './Migration20261206145306.js';
import { Migration20261206145326 } from './Migration20261206145326.js';
import { Migration20261206145354 } from './Migration20261206145354.js';
import { Migration20261206145402 } from './Migration20261206145402.js';
import { Migration20261206145409 } from './Migration20261206145409.js';
import { Migration20261206181919 } from './Migration20261206181919.js';
import { Migration20261206181958 } from './Migration20261206181958.js';
import { Migration20261206182759 } from './Migration20261206182759.js';
import { Migration20261207014210 } from './Migration20261207014210.js';

export const migrations = [
  { name: 'Migration20261122145407', class: Migration20261122145407 },
  { name: 'Migration20261122154158', class: Migration20261122154158 },
  { name: 'Migration20261122161438', class: Migration20261122161438 },
  { name: 'Migration20261122182031', class: Migration20261122182031 },
  { name: 'Migration20261122185128', class: Migration20261122185128 },
  { name: 'Migration20261206083355', class: Migration20261206083355 },
  { name: 'Migration20261206090120', class: Migration20261206090120 },
  { name: 'Migration20261206113529', class: Migration20261206113529 },
  { name: 'Migration20261206145253', class: Migration20261206145253 },
  { name: 'Migration20261206145306', class: Migration20261206145306 },
  { name: 'Migration20261206145326', class: Migration20261206145326 },
  { name: 'Migration20261206145354', class: Migration20261206145354 },
  { name: 'Migration20261206145402', class: Migration20261206145402 },
  { name: 'Migration20261206145409', class: Migration20261206145409 },
  { name: 'Migration20261206181919', class: Migration20261206181919 },
  { name: 'Migration20261206181958', class: Migration20261206181958 },
  { name: 'Migration20261206182759', class: Migration20261206182759 },
  { name: 'Migration20261207014210', class: Migration20261207014210 },
];
