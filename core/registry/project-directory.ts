/**
 * Projects change rarely and are needed on every case request (their code picks the project
 * layer of configuration): cache them per process.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Project } from '../db/entities/index.js';

export class ProjectDirectory {
  private readonly byId = new Map<number, Project>();

  constructor(private readonly orm: MikroORM) {}

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

  forget(): void {
    this.byId.clear();
  }
}
