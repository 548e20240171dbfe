import { Migration } from '@mikro-orm/migrations';

/** Quanzhou 八（二）: a grant records its users (使用人员) and the medium (介质类型) the data goes through. */
export class Migration20261202001200GrantUsage extends Migration {
  override name = 'Migration20261202001200GrantUsage';

  override up(): void {
    this.addSql(
      "alter table share_grant add column medium text check (medium in ('online-interface', 'batch-file', 'platform'))",
    );
    this.addSql("alter table share_grant add column users jsonb not null default '[]'");
  }

  override down(): void {
    this.addSql('alter table share_grant drop column users');
    this.addSql('alter table share_grant drop column medium');
  }
}
