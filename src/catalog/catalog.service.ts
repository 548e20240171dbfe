import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { FieldDiff } from '../../workflows/contracts/activities.js';
import type { CatalogFields } from '../../workflows/contracts/catalog-update.js';
import { DomainError } from '../common/errors/domain-error.js';
import { CatalogEntry, type DataItem } from './catalog-entry.entity.js';
import type { ResponsibilityItemDto } from './dto/catalog-response.dto.js';
import { Department } from './department.entity.js';

export interface CatalogFilter {
  jurisdiction?: string;
  department?: string;
  shareType?: string;
}

/** An entry as one version shows it. */
export interface EntryVersion extends CatalogFields {
  id: string;
  jurisdiction: string;
  version: number;
  effectiveAt: string;
}

export interface VersionRecord {
  version: number;
  effectiveAt: string;
  recordedAt: string;
  changedBy: { id: string; name: string };
  caseId: string | null;
  diff: Array<FieldDiff & { before: FieldValue; after: FieldValue }>;
  snapshot: CatalogFields;
}

type FieldValue = string | DataItem[] | null;

type Row = Record<string, unknown>;
const iso = (value: unknown) => new Date(value as string).toISOString();

function toEntryVersion(row: Row): EntryVersion {
  return { id: row.entry_id as string, jurisdiction: row.jurisdiction as string, ...(row.snapshot as CatalogFields), version: row.version as number, effectiveAt: iso(row.effective_at) };
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

  /** The catalog as it stood at an instant: each entry's latest version in force then. */
  async entriesAsOf(filter: CatalogFilter, at: Date): Promise<EntryVersion[]> {
    const rows = await this.orm.em.fork().getConnection().execute<Row[]>(
      `select distinct on (v.entry_id) v.entry_id, v.version, v.snapshot, v.effective_at, e.jurisdiction
       from catalog_version v join catalog_entry e on e.id = v.entry_id
       where v.effective_at <= ? and (?::text is null or e.jurisdiction = ?)
       order by v.entry_id, v.version desc`,
      [at, filter.jurisdiction ?? null, filter.jurisdiction ?? null],
    );
    return rows
      .map(toEntryVersion)
      .filter((e) => (!filter.department || e.providerDepartmentId === filter.department) && (!filter.shareType || e.shareType === filter.shareType));
  }

  async entryAsOf(id: string, at: Date): Promise<EntryVersion> {
    await this.entry(id);
    const [row] = await this.orm.em.fork().getConnection().execute<Row[]>(
      `select v.entry_id, v.version, v.snapshot, v.effective_at, e.jurisdiction
       from catalog_version v join catalog_entry e on e.id = v.entry_id
       where v.entry_id = ? and v.effective_at <= ? order by v.version desc limit 1`,
      [id, at],
    );
    if (!row) {
      throw new DomainError('not-found', 'CATALOG_ENTRY_NOT_IN_FORCE', { zh: `资源 ${id} 在该时间尚未编入目录`, en: `Entry ${id} was not in the catalog at that time` });
    }
    return toEntryVersion(row);
  }

  /** Every version of an entry, oldest first: who changed what, when, by which case. */
  async versions(id: string): Promise<VersionRecord[]> {
    await this.entry(id);
    const rows = await this.orm.em.fork().getConnection().execute<Row[]>('select * from catalog_version where entry_id = ? order by version', [id]);
    return rows.map((r) => ({
      version: r.version as number,
      effectiveAt: iso(r.effective_at),
      recordedAt: iso(r.recorded_at),
      changedBy: { id: r.changed_by_id as string, name: r.changed_by_name as string },
      caseId: (r.case_id as string | null) ?? null,
      diff: r.diff as VersionRecord['diff'],
      snapshot: r.snapshot as CatalogFields,
    }));
  }

  /** Chongqing's responsibility list (责任清单, Art. 13): each department's collection duties, following the catalog. */
  async responsibilityList(department?: string): Promise<ResponsibilityItemDto[]> {
    const rows = await this.orm.em.fork().getConnection().execute<Row[]>(
      `select r.entry_id, e.title, r.department_id, r.data_items, r.update_frequency, r.catalog_version, r.case_id, r.updated_at
       from responsibility_item r join catalog_entry e on e.id = r.entry_id
       where (?::text is null or r.department_id = ?) order by r.department_id, r.entry_id`,
      [department ?? null, department ?? null],
    );
    return rows.map((r) => ({
      entryId: r.entry_id as string,
      title: r.title as string,
      departmentId: r.department_id as string,
      dataItems: r.data_items as DataItem[],
      updateFrequency: r.update_frequency as string,
      catalogVersion: r.catalog_version as number,
      caseId: (r.case_id as string | null) ?? null,
      updatedAt: iso(r.updated_at),
    }));
  }

  departments(jurisdiction?: string): Promise<Department[]> {
    return this.orm.em.fork().find(Department, jurisdiction ? { jurisdiction } : {}, { orderBy: { id: 'asc' } });
  }
}
