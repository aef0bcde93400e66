// GENERATED FILE — DO NOT EDIT. Regenerate with `npm run migration:create` (a plugin's: `-- --plugin <id>`).
import { Migration20261206152500_duty_desk } from './Migration20261206152500_duty_desk.js';

export const migrations = [
  { name: 'Migration20261206152500_duty_desk', class: Migration20261206152500_duty_desk },
];
