import { Migration } from '@mikro-orm/migrations';

/**
 * A department's cases, newest first, from a b-tree instead of the GIN index on the participants array (which
 * cannot give the order, so every match was sorted): one row per case and participating department, kept in step
 * with `case_record.participant_departments` by a trigger in the same transaction. The auditor's list (all
 * cases, newest first) gets its own index.
 */
export class Migration20261202001300CaseParticipants extends Migration {
  override name = 'Migration20261202001300CaseParticipants';

  override up(): void {
    this.addSql(`
      create table case_participant (
        department text not null,
        received_at timestamptz not null,
        case_id text not null references case_record(id) on delete cascade,
        primary key (department, received_at, case_id)
      )`);
    this.addSql('create index case_participant_case on case_participant (case_id)');
    this.addSql(`
      create function case_participants_follow() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          if new.participant_departments is not distinct from old.participant_departments then
            return new;
          end if;
          delete from case_participant p
           where p.case_id = new.id and p.department <> all (new.participant_departments);
        end if;
        insert into case_participant (department, received_at, case_id)
          select distinct d, new.received_at, new.id from unnest(new.participant_departments) as d
          on conflict do nothing;
        return new;
      end $$`);
    this.addSql(`
      create trigger case_participants_follow after insert or update of participant_departments on case_record
        for each row execute function case_participants_follow()`);
    this.addSql(`
      insert into case_participant (department, received_at, case_id)
        select distinct d, c.received_at, c.id from case_record c, unnest(c.participant_departments) as d
        on conflict do nothing`);
    this.addSql('drop index case_record_participants');
    this.addSql('create index case_record_received on case_record (received_at desc, id desc)');
  }

  override down(): void {
    this.addSql('drop index case_record_received');
    this.addSql('create index case_record_participants on case_record using gin (participant_departments)');
    this.addSql('drop trigger case_participants_follow on case_record');
    this.addSql('drop function case_participants_follow');
    this.addSql('drop table case_participant');
  }
}
