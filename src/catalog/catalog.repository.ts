import { Inject, Injectable } from '@nestjs/common';
import { LockMode, MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { AppliedCatalogChange, ApplyCatalogChangeArgs, FieldDiff } from '../../workflows/contracts/activities.js';
import type { CatalogFields } from '../../workflows/contracts/catalog-update.js';
import { lacksShareBasis } from '../../workflows/rules/catalog-rules.js';
import { inTransaction, query, type Row } from '../database/unit-of-work.js';
import { CatalogEntry, type DataItem } from './catalog-entry.entity.js';
import { changedMeanwhile, diffFields, fieldsOfEntry } from './catalog-fields.js';

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

type FieldValue = string | DataItem[] | null;

export interface VersionRecord {
  version: number;
  effectiveAt: string;
  recordedAt: string;
  changedBy: { id: string; name: string };
  caseId: string | null;
  diff: Array<FieldDiff & { before: FieldValue; after: FieldValue }>;
  snapshot: CatalogFields;
}

export interface ResponsibilityItem {
  entryId: string;
  title: string;
  departmentId: string;
  dataItems: DataItem[];
  updateFrequency: string;
  catalogVersion: number;
  caseId: string | null;
  updatedAt: string;
}

/** An entry's first version, as imported (not made by a case). */
export interface ImportedEntry extends CatalogFields {
  id: string;
  jurisdiction: string;
  effectiveAt: string;
  /** Chongqing: the entry also enters the responsibility list (责任清单, Art. 13). */
  responsibilityList: boolean;
}

/** Rolls the transaction back and says why, in words for the case's outcome. */
class ChangeNotApplicable extends Error {}

const iso = (value: unknown) => new Date(value as string).toISOString();

function toEntryVersion(row: Row): EntryVersion {
  return {
    id: row.entry_id as string,
    jurisdiction: row.jurisdiction as string,
    ...(row.snapshot as CatalogFields),
    version: row.version as number,
    effectiveAt: iso(row.effective_at),
  };
}

/**
 * The versioned catalog: entries (catalog_entry), their versions
 * (catalog_version) and the Chongqing responsibility list
 * (responsibility_item), which change together and only here: once on import,
 * then by approved P3 cases.
 */
@Injectable()
export class CatalogRepository {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.orm.em.fork();
  }

  entries(filter: CatalogFilter): Promise<CatalogEntry[]> {
    const where: Record<string, string> = {};
    if (filter.jurisdiction) where.jurisdiction = filter.jurisdiction;
    if (filter.department) where.providerDepartmentId = filter.department;
    if (filter.shareType) where.shareType = filter.shareType;
    return this.em().find(CatalogEntry, where, { orderBy: { id: 'asc' } });
  }

  findById(id: string, em?: EntityManager): Promise<CatalogEntry | null> {
    return this.em(em).findOne(CatalogEntry, { id });
  }

  findMany(ids: string[]): Promise<CatalogEntry[]> {
    return this.em().find(CatalogEntry, { id: { $in: ids } });
  }

  /** The catalog as it stood at an instant: each entry's latest version in force then. */
  async entriesAsOf(filter: CatalogFilter, at: Date): Promise<EntryVersion[]> {
    const rows = await query(
      this.em(),
      `select distinct on (v.entry_id) v.entry_id, v.version, v.snapshot, v.effective_at, e.jurisdiction
       from catalog_version v join catalog_entry e on e.id = v.entry_id
       where v.effective_at <= ? and (?::text is null or e.jurisdiction = ?)
       order by v.entry_id, v.version desc`,
      [at, filter.jurisdiction ?? null, filter.jurisdiction ?? null],
    );
    return rows
      .map(toEntryVersion)
      .filter(
        (e) =>
          (!filter.department || e.providerDepartmentId === filter.department) &&
          (!filter.shareType || e.shareType === filter.shareType),
      );
  }

  async entryAsOf(id: string, at: Date): Promise<EntryVersion | undefined> {
    const [row] = await query(
      this.em(),
      `select v.entry_id, v.version, v.snapshot, v.effective_at, e.jurisdiction
       from catalog_version v join catalog_entry e on e.id = v.entry_id
       where v.entry_id = ? and v.effective_at <= ? order by v.version desc limit 1`,
      [id, at],
    );
    return row && toEntryVersion(row);
  }

  /** Every version of an entry, oldest first. */
  async versions(id: string): Promise<VersionRecord[]> {
    const rows = await query(this.em(), 'select * from catalog_version where entry_id = ? order by version', [id]);
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

  async responsibilityList(department?: string): Promise<ResponsibilityItem[]> {
    const rows = await query(
      this.em(),
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

  /**
   * One approved P3 case: per entry, a new version with its diff, the entry
   * itself and (Chongqing) the responsibility list, in one transaction.
   * Idempotent by case: a retry returns the versions already written. When a
   * change no longer applies, nothing is written and the reason says why.
   */
  async applyChange(args: ApplyCatalogChangeArgs): Promise<AppliedCatalogChange> {
    try {
      return await inTransaction(this.orm, async (em) => {
        const done = await query(
          em,
          'select entry_id, version, diff from catalog_version where case_id = ? order by entry_id',
          [args.caseId],
        );
        if (done.length > 0) {
          return {
            caseId: args.caseId,
            versions: done.map((r) => ({
              entryId: r.entry_id as string,
              version: r.version as number,
              diff: r.diff as FieldDiff[],
            })),
          };
        }
        const versions: AppliedCatalogChange['versions'] = [];
        for (const change of args.changes) {
          const entry = await em.findOne(
            CatalogEntry,
            { id: change.entryId },
            { lockMode: LockMode.PESSIMISTIC_WRITE },
          );
          if (!entry) throw new ChangeNotApplicable(`目录中已没有资源 ${change.entryId}`);
          const current = fieldsOfEntry(entry);
          const moved = changedMeanwhile(change.before, current, change.change);
          if (moved.length > 0) {
            throw new ChangeNotApplicable(
              `资源 ${change.entryId} 的 ${moved.join('、')} 已被其他目录更新改变（当前版本 ${entry.version}）`,
            );
          }
          const after = { ...current, ...change.change };
          if (lacksShareBasis(after))
            throw new ChangeNotApplicable(`资源 ${change.entryId} 为有条件共享或不予共享，缺少共享条件或依据`);
          const diff = diffFields(current, after);
          const version = entry.version + 1;
          em.assign(entry, { ...after, version });
          await em.flush();
          await this.recordVersion(em, {
            entryId: change.entryId,
            version,
            snapshot: after,
            diff,
            by: args.approver,
            caseId: args.caseId,
            effectiveAt: args.appliedAt,
          });
          if (args.updateResponsibilityList) {
            await this.recordResponsibility(em, {
              entryId: change.entryId,
              fields: after,
              version,
              caseId: args.caseId,
              at: args.appliedAt,
            });
          }
          versions.push({ entryId: change.entryId, version, diff });
        }
        return { caseId: args.caseId, versions };
      });
    } catch (error) {
      if (error instanceof ChangeNotApplicable) return { caseId: args.caseId, versions: [], notApplied: error.message };
      throw error;
    }
  }

  /** The seed: an entry that is missing becomes its own version 1; an existing one is left as it is. */
  importIfAbsent(entry: ImportedEntry): Promise<boolean> {
    return inTransaction(this.orm, async (em) => {
      const { effectiveAt, responsibilityList, ...row } = entry;
      const inserted = await em
        .createQueryBuilder(CatalogEntry)
        .insert({ ...row, version: 1 })
        .onConflict('id')
        .ignore()
        .execute('run');
      if (inserted.affectedRows === 0) return false;
      const snapshot = fieldsOfEntry(row);
      await this.recordVersion(em, {
        entryId: entry.id,
        version: 1,
        snapshot,
        diff: [],
        by: { id: 'catalog-import', name: '目录导入' },
        caseId: null,
        effectiveAt,
      });
      if (responsibilityList)
        await this.recordResponsibility(em, {
          entryId: entry.id,
          fields: snapshot,
          version: 1,
          caseId: null,
          at: new Date().toISOString(),
        });
      return true;
    });
  }

  private async recordVersion(
    em: EntityManager,
    v: {
      entryId: string;
      version: number;
      snapshot: CatalogFields;
      diff: FieldDiff[];
      by: { id: string; name: string };
      caseId: string | null;
      effectiveAt: string;
    },
  ): Promise<void> {
    await query(
      em,
      `insert into catalog_version (entry_id, version, snapshot, diff, changed_by_id, changed_by_name, case_id, effective_at, recorded_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict do nothing`,
      [
        v.entryId,
        v.version,
        JSON.stringify(v.snapshot),
        JSON.stringify(v.diff),
        v.by.id,
        v.by.name,
        v.caseId,
        v.effectiveAt,
      ],
    );
  }

  private async recordResponsibility(
    em: EntityManager,
    r: { entryId: string; fields: CatalogFields; version: number; caseId: string | null; at: string },
  ): Promise<void> {
    await query(
      em,
      `insert into responsibility_item (entry_id, department_id, data_items, update_frequency, catalog_version, case_id, updated_at)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (entry_id) do update set department_id = excluded.department_id, data_items = excluded.data_items,
         update_frequency = excluded.update_frequency, catalog_version = excluded.catalog_version, case_id = excluded.case_id, updated_at = excluded.updated_at`,
      [
        r.entryId,
        r.fields.providerDepartmentId,
        JSON.stringify(r.fields.dataItems),
        r.fields.updateFrequency,
        r.version,
        r.caseId,
        r.at,
      ],
    );
  }
}
