import { ShareGrantRepository } from '../../src/grants/share-grant.repository.js';
import type { GrantArgs } from '../../workflows/contracts/activities.js';

/** A grant repository that PostgreSQL refuses for good (as a NUL byte in a text would be), until the cause is "fixed". */
export class RefusingGrants extends ShareGrantRepository {
  refusing = true;
  override record(args: GrantArgs): Promise<void> {
    if (!this.refusing) return super.record(args);
    return Promise.reject(
      Object.assign(new Error('insert into share_grant … values (…社会救助…)'), {
        cause: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
      }),
    );
  }
}
