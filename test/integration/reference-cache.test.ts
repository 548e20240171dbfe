import { ReferenceCache } from '../../src/cases/procedures/reference-cache.js';
import { ReferenceChanges } from '../../src/database/reference-changes.js';
import { eventually, HUARONG_SHARE, requestShare, sql } from '../support/case-helpers.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const ENTRY = 'hr-reference-cache-probe';
const DEPARTMENT = 'hr-reference-cache-bureau';
const COLUMNS =
  'title, provider_department_id, jurisdiction, data_items, share_type, share_conditions, legal_basis, open_type, open_basis, update_frequency, version';

/** A write the triggers do not announce (replica mode): only a cache that kept the row misses it. */
const unannounced = (system: TestSystem, statement: string) =>
  sql(system, `begin; set local session_replication_role = replica; ${statement}; commit`);

const titleOf = async (cache: ReferenceCache) => (await cache.catalogEntry(ENTRY))?.title;

describe('the reference cache of the start path (catalog entries and departments)', () => {
  let system: TestSystem;
  let cache: ReferenceCache;
  beforeAll(async () => {
    system = await startTestSystem();
    cache = system.app.get(ReferenceCache);
    await sql(system, 'delete from catalog_entry where id = ?', [ENTRY]);
    await sql(
      system,
      `insert into catalog_entry (id, ${COLUMNS}) select ?, ${COLUMNS} from catalog_entry where id = ?`,
      [ENTRY, HUARONG_SHARE.resourceId],
    );
    await sql(system, "update catalog_entry set title = '缓存探针', share_type = 'conditional' where id = ?", [ENTRY]);
    await eventually(async () => expect(cache.listening).toBe(true));
  });
  afterAll(async () => {
    await sql(system, 'delete from catalog_entry where id = ?', [ENTRY]);
    await sql(system, 'delete from department where id = ?', [DEPARTMENT]);
    await system.close();
  });

  it('keeps an entry it read until the database announces a change to it', async () => {
    // Tried again until a read is kept: the announcements of the setup's own writes may still be arriving.
    await eventually(async () => {
      expect(await titleOf(cache)).toBe('缓存探针');
      await unannounced(system, `update catalog_entry set title = '未通知的改动' where id = '${ENTRY}'`);
      try {
        expect(await titleOf(cache)).toBe('缓存探针');
      } finally {
        // Announced, so that a try which kept the unannounced title does not keep it for the next.
        await sql(system, "update catalog_entry set title = '缓存探针' where id = ?", [ENTRY]);
      }
    }, 5_000);

    await sql(system, "update catalog_entry set title = '已通知的改动' where id = ?", [ENTRY]);
    await eventually(async () => expect(await titleOf(cache)).toBe('已通知的改动'), 5_000);
  });

  it('learns of a department added to a jurisdiction', async () => {
    expect((await cache.departmentsOf('huarong')).map((d) => d.id)).not.toContain(DEPARTMENT);
    expect(await cache.department(DEPARTMENT)).toBeNull();
    await sql(
      system,
      "insert into department (id, name, jurisdiction, kind) values (?, '缓存探针局', 'huarong', 'government')",
      [DEPARTMENT],
    );
    await eventually(async () => {
      expect((await cache.departmentsOf('huarong')).map((d) => d.id)).toContain(DEPARTMENT);
      expect((await cache.department(DEPARTMENT))?.name).toBe('缓存探针局');
    }, 5_000);
  });

  it('plans a start with the entry as the catalog now has it', async () => {
    const resource = HUARONG_SHARE.resourceId;
    const conditional = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
    expect(conditional.body).toMatchObject({ closed: false, state: 'under-review' });

    await sql(system, "update catalog_entry set share_type = 'unconditional' where id = ?", [resource]);
    try {
      await eventually(async () => {
        const unconditional = await requestShare(system, 'hr-civil-xu', HUARONG_SHARE).expect(201);
        expect(unconditional.body).toMatchObject({ closed: true, state: 'granted' });
      }, 5_000);
    } finally {
      await sql(system, "update catalog_entry set share_type = 'conditional' where id = ?", [resource]);
    }
    await eventually(async () => {
      expect((await cache.catalogEntry(resource))?.shareType).toBe('conditional');
    }, 5_000);
  });

  it('keeps nothing while it cannot hear the announcements', async () => {
    const changes = system.app.get(ReferenceChanges);
    await changes.onApplicationShutdown();
    expect(cache.listening).toBe(false);
    await unannounced(system, `update catalog_entry set title = '无人听到' where id = '${ENTRY}'`);
    expect(await titleOf(cache)).toBe('无人听到');
    await unannounced(system, `update catalog_entry set title = '仍无人听到' where id = '${ENTRY}'`);
    expect(await titleOf(cache)).toBe('仍无人听到');

    changes.start();
    await eventually(async () => expect(cache.listening).toBe(true), 5_000);
  });
});
