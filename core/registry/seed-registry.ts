/**
 * Loads a registry document (company, projects, buildings, units, people, staff) into the
 * database in one transaction. Used for the demo company and test fixtures; the document is data,
 * so core holds no company's names or roles.
 */
import type { MikroORM } from '@mikro-orm/core';
import { Building, Company, Person, Project, Staff, StaffProject, Unit, UnitPerson } from '../db/entities/index.js';
import { hashPassword } from '../auth/passwords.js';
import type { ConfigService } from '../config/config-service.js';

export interface RegistryDocument {
  company: { code: string; name: string };
  projects: {
    code: string;
    name: string;
    buildings: {
      code: string;
      name: string;
      units: { number: string; floor?: number; area: string; unitType: string; status: string; people?: { name: string; phone?: string; idNumber?: string; relation: 'owner' | 'occupant' | 'agent' }[] }[];
    }[];
  }[];
  staff: { username: string; name: string; password: string; roles: string[]; projects: string[] | '*'; language?: string; skills?: string[] }[];
}

export interface SeededRegistry {
  company: Company;
  projects: Map<string, Project>;
  /** key: project code / building code / unit number */
  units: Map<string, Unit>;
  people: Map<string, Person>;
  staff: Map<string, Staff>;
}

/**
 * Hashing is slow on purpose; the same demo password is hashed once per process. Demo and test
 * fixtures only: real staff accounts get their own salt (hashPassword per account).
 */
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) hashes.set(password, (h = hashPassword(password)));
  return h;
}

export async function seedRegistry(orm: MikroORM, configs: ConfigService, doc: RegistryDocument): Promise<SeededRegistry> {
  const passwordHashes = new Map<string, string>();
  for (const s of doc.staff) passwordHashes.set(s.password, await cachedHash(s.password));
  return orm.em.fork().transactional(async (em) => {
    const company = em.create(Company, { code: doc.company.code, name: doc.company.name, createdAt: new Date() });
    await em.flush();
    await configs.createInitialVersion(em, company.id, null);
    const projects = new Map<string, Project>();
    const units = new Map<string, Unit>();
    const people = new Map<string, Person>();
    for (const p of doc.projects) {
      const project = em.create(Project, { companyId: company.id, code: p.code, name: p.name });
      await em.flush();
      projects.set(p.code, project);
      for (const b of p.buildings) {
        const building = em.create(Building, { companyId: company.id, projectId: project.id, code: b.code, name: b.name });
        await em.flush();
        for (const u of b.units) {
          const unit = em.create(Unit, {
            companyId: company.id, projectId: project.id, buildingId: building.id, number: u.number, floor: u.floor ?? null,
            area: u.area, unitType: u.unitType, status: u.status,
          });
          units.set(`${p.code}/${b.code}/${u.number}`, unit);
          for (const person of u.people ?? []) {
            let row = people.get(person.name);
            if (!row) {
              row = em.create(Person, { companyId: company.id, name: person.name, phone: person.phone ?? null, idNumber: person.idNumber ?? null });
              people.set(person.name, row);
            }
            await em.flush();
            em.create(UnitPerson, { companyId: company.id, unitId: unit.id, personId: row.id, relation: person.relation });
          }
        }
      }
    }
    await em.flush();
    const staff = new Map<string, Staff>();
    for (const s of doc.staff) {
      const row = em.create(Staff, {
        companyId: company.id, username: s.username, name: s.name, passwordHash: passwordHashes.get(s.password)!, roles: s.roles,
        active: true, language: s.language ?? 'zh-CN', skills: s.skills ?? null,
      });
      await em.flush();
      staff.set(s.username, row);
      const codes = s.projects === '*' ? [...projects.keys()] : s.projects;
      for (const code of codes) {
        const project = projects.get(code);
        if (!project) throw new Error(`staff ${s.username}: unknown project ${code}`);
        em.create(StaffProject, { companyId: company.id, staffId: row.id, projectId: project.id });
      }
    }
    await em.flush();
    return { company, projects, units, people, staff };
  });
}
