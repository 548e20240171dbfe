import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { DomainError } from '../common/errors/domain-error.js';
import { CatalogEntry } from './catalog-entry.entity.js';
import { Department } from './department.entity.js';

export interface CatalogFilter {
  jurisdiction?: string;
  department?: string;
  shareType?: string;
}

@Injectable()
export class CatalogService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  entries(filter: CatalogFilter): Promise<CatalogEntry[]> {
    const where: Record<string, string> = {};
    if (filter.jurisdiction) where.jurisdiction = filter.jurisdiction;
    if (filter.department) where.providerDepartmentId = filter.department;
    if (filter.shareType) where.shareType = filter.shareType;
    return this.orm.em.fork().find(CatalogEntry, where, { orderBy: { id: 'asc' } });
  }

  async entry(id: string): Promise<CatalogEntry> {
    const entry = await this.orm.em.fork().findOne(CatalogEntry, { id });
    if (!entry) throw new DomainError('not-found', 'CATALOG_ENTRY_NOT_FOUND', { zh: `目录中没有资源 ${id}`, en: `No catalog entry ${id}` });
    return entry;
  }

  departments(jurisdiction?: string): Promise<Department[]> {
    return this.orm.em.fork().find(Department, jurisdiction ? { jurisdiction } : {}, { orderBy: { id: 'asc' } });
  }
}
