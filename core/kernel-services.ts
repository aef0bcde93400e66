/** The services a running kernel is made of, wired once at start. */
import type { MikroORM } from '@mikro-orm/core';
import type { LoadedPlugins } from './declarations/load-plugins.js';
import type { SessionStore } from './auth/sessions.js';
import type { ConfigService } from './config/config-service.js';
import type { CaseService } from './cases/case-service.js';
import type { CaseQueries } from './cases/case-queries.js';
import type { FollowUpService } from './workflow/follow-ups.js';
import type { ProjectDirectory } from './registry/project-directory.js';
import type { PublicCalendarStore } from './platform/public-calendar-store.js';

export interface KernelServices {
  orm: MikroORM;
  plugins: LoadedPlugins;
  sessions: SessionStore;
  configs: ConfigService;
  projects: ProjectDirectory;
  cases: CaseService;
  queries: CaseQueries;
  followUps: FollowUpService;
  /** the platform's public holiday layer (years the holiday package has not published yet) */
  publicCalendar: PublicCalendarStore;
  now: () => Date;
}
