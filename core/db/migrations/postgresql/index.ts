// GENERATED FILE — DO NOT EDIT. Regenerate with `npm run migration:create` (a plugin's: `-- --plugin <id>`).
import { Migration20261122145407 } from './Migration20261122145407.js';
import { Migration20261122154158 } from './Migration20261122154158.js';
import { Migration20261122161439 } from './Migration20261122161439.js';
import { Migration20261122182031 } from './Migration20261122182031.js';
import { Migration20261122185128 } from './Migration20261122185128.js';
import { Migration20261206083356 } from './Migration20261206083356.js';
import { Migration20261206090125 } from './Migration20261206090125.js';
import { Migration20261206113529 } from './Migration20261206113529.js';
import { Migration20261206145254 } from './Migration20261206145254.js';
import { Migration20261206145306 } from './Migration20261206145306.js';
import { Migration20261206145327 } from './Migration20261206145327.js';
import { Migration20261206145356 } from './Migration20261206145356.js';
import { Migration20261206145403 } from './Migration20261206145403.js';
import { Migration20261206145410 } from './Migration20261206145410.js';
import { Migration20261206181920 } from './Migration20261206181920.js';
import { Migration20261206182000 } from './Migration20261206182000.js';
import { Migration20261206182805 } from './Migration20261206182805.js';
import { Migration20261207014211 } from './Migration20261207014211.js';

export const migrations = [
  { name: 'Migration20261122145407', class: Migration20261122145407 },
  { name: 'Migration20261122154158', class: Migration20261122154158 },
  { name: 'Migration20261122161439', class: Migration20261122161439 },
  { name: 'Migration20261122182031', class: Migration20261122182031 },
  { name: 'Migration20261122185128', class: Migration20261122185128 },
  { name: 'Migration20261206083356', class: Migration20261206083356 },
  { name: 'Migration20261206090125', class: Migration20261206090125 },
  { name: 'Migration20261206113529', class: Migration20261206113529 },
  { name: 'Migration20261206145254', class: Migration20261206145254 },
  { name: 'Migration20261206145306', class: Migration20261206145306 },
  { name: 'Migration20261206145327', class: Migration20261206145327 },
  { name: 'Migration20261206145356', class: Migration20261206145356 },
  { name: 'Migration20261206145403', class: Migration20261206145403 },
  { name: 'Migration20261206145410', class: Migration20261206145410 },
  { name: 'Migration20261206181920', class: Migration20261206181920 },
  { name: 'Migration20261206182000', class: Migration20261206182000 },
  { name: 'Migration20261206182805', class: Migration20261206182805 },
  { name: 'Migration20261207014211', class: Migration20261207014211 },
];
