import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CatalogEntry } from '../../catalog/catalog-entry.entity.js';
import { CatalogRepository } from '../../catalog/catalog.repository.js';
import type { Department } from '../../catalog/department.entity.js';
import { DepartmentRepository } from '../../catalog/department.repository.js';
import { ReferenceChanges } from '../../database/reference-changes.js';

/** Far above any catalog here; past it the cache starts again rather than grow without end. */
const MAX_ROWS = 50_000;

/**
 * The catalog entries and departments a start plans with, kept in the API between starts: every start
 * of a case about a resource reads them, and they change rarely (an approved P3 case, the seed).
 * A row is dropped when the database announces its change (the write's commit), and nothing is kept
 * while those announcements cannot be heard, so a start never plans with a row older than the last
 * commit it could have seen, beyond the announcement's own few milliseconds.
 */
@Injectable()
export class ReferenceCache implements OnModuleInit {
  private readonly entries = new Map<string, CatalogEntry>();
  private readonly departments = new Map<string, Department>();
  private readonly jurisdictions = new Map<string, Department[]>();
  /** Moves on at every change: a read begun before it may hold the old row, and is not kept. */
  private generation = 0;

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly departmentRows: DepartmentRepository,
    private readonly changes: ReferenceChanges,
  ) {}

  onModuleInit(): void {
    this.changes.subscribe({
      changed: (table, id) => this.changed(table, id),
      reset: () => this.forgetAll(),
    });
  }

  /** Whether rows are kept: only while the database's announcements of their changes are heard. */
  get listening(): boolean {
    return this.changes.listening;
  }

  catalogEntry(id: string): Promise<CatalogEntry | null> {
    return this.read(this.entries, id, () => this.catalog.findById(id));
  }

  department(id: string): Promise<Department | null> {
    return this.read(this.departments, id, () => this.departmentRows.findById(id));
  }

  departmentsOf(jurisdiction: string): Promise<Department[]> {
    return this.read(this.jurisdictions, jurisdiction, () => this.departmentRows.list(jurisdiction));
  }

  private async read<T, R extends T | null>(rows: Map<string, T>, key: string, load: () => Promise<R>): Promise<R> {
    const kept = rows.get(key);
    if (kept !== undefined) return kept as R;
    const generation = this.generation;
    const row = await load();
    // A missing row is not kept: anyone may ask for ids that do not exist.
    if (row !== null && this.changes.listening && generation === this.generation) {
      if (rows.size >= MAX_ROWS) rows.clear();
      rows.set(key, row);
    }
    return row;
  }

  private changed(table: string, id: string): void {
    if (table !== 'catalog_entry' && table !== 'department') return;
    this.generation += 1;
    if (table === 'catalog_entry') this.entries.delete(id);
    else {
      this.departments.clear();
      this.jurisdictions.clear();
    }
  }

  private forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
    this.departments.clear();
    this.jurisdictions.clear();
  }
}
