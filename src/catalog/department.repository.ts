import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Department } from './department.entity.js';

/** Departments (department): read by the planners, the activities and the API; written only by the seed. */
@Injectable()
export class DepartmentRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.orm.em.fork();
  }

  findById(id: string): Promise<Department | null> {
    return this.em().findOne(Department, { id });
  }

  list(jurisdiction?: string): Promise<Department[]> {
    return this.em().find(Department, jurisdiction ? { jurisdiction } : {}, { orderBy: { id: 'asc' } });
  }

  /** The jurisdiction's data authority; its absence is a setup fault, not a user's mistake. */
  async authorityOf(jurisdiction: string, em?: EntityManager): Promise<Department> {
    const authority = await this.em(em).findOne(
      Department,
      { jurisdiction, kind: 'authority' },
      { orderBy: { id: 'asc' } },
    );
    if (!authority) throw new Error(`no authority registered for ${jurisdiction}`);
    return authority;
  }

  /** The departments that report in a P7 round: government departments, district governments and the authority. */
  annualReporters(jurisdiction: string, em?: EntityManager): Promise<Department[]> {
    return this.em(em).find(
      Department,
      { jurisdiction, kind: { $in: ['government', 'district-government', 'authority'] } },
      { orderBy: { kind: 'asc', id: 'asc' } },
    );
  }

  /** The seed: adds a department unless it exists; true when it was added. */
  async importIfAbsent(d: { id: string; name: string; jurisdiction: string; kind: string }): Promise<boolean> {
    const inserted = await this.em().createQueryBuilder(Department).insert(d).onConflict('id').ignore().execute('run');
    return inserted.affectedRows > 0;
  }
}
