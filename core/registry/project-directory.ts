/**
 * Projects change rarely and are needed on every case request (their code picks the project
 * layer of configuration): cache them per process. A project change is published on the cluster
 * bus, so every instance drops its copy.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Project } from '../db/entities/index.js';
import { InProcessBus, type ClusterBus } from '../cluster/bus.js';

const PROJECTS_CHANGED = 'projects.changed';

export class ProjectDirectory {
  private readonly byId = new Map<number, Project>();

  constructor(private readonly orm: MikroORM, private readonly bus: ClusterBus = new InProcessBus()) {
    bus.subscribe(PROJECTS_CHANGED, () => this.byId.clear());
    bus.onResync(() => this.byId.clear());
  }

  /**
   * The project if it belongs to the company, else null (foreign ids look like unknown ones).
   * Inside a transaction pass its `em`: on SQLite the transaction holds the only connection.
   */
  async get(companyId: number, projectId: number, em?: EntityManager): Promise<Project | null> {
    let p = this.byId.get(projectId);
    if (!p) {
      const found = await (em ?? this.orm.em.fork()).findOne(Project, { id: projectId }, { disableIdentityMap: true });
      if (!found) return null;
      this.byId.set(projectId, found);
      p = found;
    }
    return p.companyId === companyId ? p : null;
  }

  /** After a project was created or changed (committed): every instance re-reads its projects. */
  forget(): Promise<void> {
    return this.bus.publish(PROJECTS_CHANGED).catch(() => this.byId.clear());
  }
}
