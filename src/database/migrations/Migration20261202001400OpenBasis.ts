import { Migration } from '@mikro-orm/migrations';

/** Chongqing Art. 31 ¶1: the basis of a conditional or closed open type, kept with the entry and its versions. */
export class Migration20261202001400OpenBasis extends Migration {
  override name = 'Migration20261202001400OpenBasis';

  override up(): void {
    this.addSql('alter table catalog_entry add column open_basis text');
  }

  override down(): void {
    this.addSql('alter table catalog_entry drop column open_basis');
  }
}
