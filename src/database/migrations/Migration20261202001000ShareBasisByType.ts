import { Migration } from '@mikro-orm/migrations';

/**
 * Jiangmen-2019 Art. 20 ¶2, Chongqing Art. 25(1): conditional and not-shared entries rest on a legal basis;
 * only conditional ones state share conditions.
 */
export class Migration20261202001000ShareBasisByType extends Migration {
  override name = 'Migration20261202001000ShareBasisByType';

  override up(): void {
    this.addSql('alter table catalog_entry drop constraint if exists catalog_entry_check');
    this.addSql(`alter table catalog_entry add constraint catalog_entry_share_basis check (
      share_type = 'unconditional'
      or (legal_basis is not null and (share_type = 'none' or share_conditions is not null)))`);
  }

  override down(): void {
    this.addSql('alter table catalog_entry drop constraint catalog_entry_share_basis');
    this.addSql(`alter table catalog_entry add constraint catalog_entry_check check (
      share_type = 'unconditional' or (share_conditions is not null and legal_basis is not null))`);
  }
}
