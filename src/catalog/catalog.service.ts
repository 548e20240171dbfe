import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import type { CatalogEntry } from './catalog-entry.entity.js';
import {
  CatalogRepository,
  type CatalogFilter,
  type EntryVersion,
  type ResponsibilityItem,
  type VersionRecord,
} from './catalog.repository.js';
import type { Department } from './department.entity.js';
import { DepartmentRepository } from './department.repository.js';

export type { EntryVersion } from './catalog.repository.js';

const entryNotFound = (id: string) =>
  new DomainError('not-found', 'CATALOG_ENTRY_NOT_FOUND', { zh: `目录中没有资源 ${id}`, en: `No catalog entry ${id}` });

/** Reading the catalog: entries, their versions, the responsibility list and the departments. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly departmentRepository: DepartmentRepository,
  ) {}

  entries(filter: CatalogFilter): Promise<CatalogEntry[]> {
    return this.catalog.entries(filter);
  }

  async entry(id: string): Promise<CatalogEntry> {
    const entry = await this.catalog.findById(id);
    if (!entry) throw entryNotFound(id);
    return entry;
  }

  entriesAsOf(filter: CatalogFilter, at: Date): Promise<EntryVersion[]> {
    return this.catalog.entriesAsOf(filter, at);
  }

  async entryAsOf(id: string, at: Date): Promise<EntryVersion> {
    await this.entry(id);
    const version = await this.catalog.entryAsOf(id, at);
    if (!version) {
      throw new DomainError('not-found', 'CATALOG_ENTRY_NOT_IN_FORCE', {
        zh: `资源 ${id} 在该时间尚未编入目录`,
        en: `Entry ${id} was not in the catalog at that time`,
      });
    }
    return version;
  }

  async versions(id: string): Promise<VersionRecord[]> {
    await this.entry(id);
    return this.catalog.versions(id);
  }

  responsibilityList(department?: string): Promise<ResponsibilityItem[]> {
    return this.catalog.responsibilityList(department);
  }

  departments(jurisdiction?: string): Promise<Department[]> {
    return this.departmentRepository.list(jurisdiction);
  }
}
