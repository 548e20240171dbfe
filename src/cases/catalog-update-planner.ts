import type { Actor } from '../../workflows/contracts/actor.js';
import type { CatalogFields, CatalogUpdateInput, EntryChange } from '../../workflows/contracts/catalog-update.js';
import type { Jurisdiction } from '../../workflows/contracts/citation.js';
import { diffFields, fieldsOfEntry } from '../catalog/catalog-fields.js';
import { openBasisNeeded, shareBasisNeeded } from '../../workflows/rules/catalog-rules.js';
import { isPlainDate, shanghaiDateOf } from '../calendar/plain-date.js';
import type { CatalogEntry } from '../catalog/catalog-entry.entity.js';
import type { Department } from '../catalog/department.entity.js';
import { DomainError, fieldError } from '../common/errors/domain-error.js';
import { invalidRequest } from '../common/http/validation.pipe.js';
import { cite, notAllowed, resourceNotFound } from './case-errors.js';
import type { CreateCatalogUpdateDto } from './dto/create-catalog-update.dto.js';
import { packInForce } from './plan-context.js';

export interface CatalogUpdateContext {
  caseId: string;
  receivedAt: Date;
  applicant: Actor;
  /** The entries the request names, as found (missing ones absent). */
  entries: CatalogEntry[];
  /** The departments of the entries' jurisdiction. */
  departments: Department[];
  administrativeTargets: Record<string, number>;
}

const invalid = (field: string, code: string, zh: string, en: string) =>
  invalidRequest([fieldError(field, code, zh, en)]);

/**
 * P3: a providing department asks to change its own entries, for a law
 * revision or a change of functions on a day not in the future. Every change
 * must change something and leave the entry valid (conditions and basis for
 * conditional and not-shared entries).
 */
export function planCatalogUpdate(dto: CreateCatalogUpdateDto, ctx: CatalogUpdateContext): CatalogUpdateInput {
  const receivedOn = shanghaiDateOf(ctx.receivedAt);
  if (!isPlainDate(dto.trigger.date))
    throw invalid('trigger.date', 'isCalendarDate', '触发日期不是有效日期', 'trigger.date is not a calendar date');
  if (dto.trigger.date > receivedOn) {
    throw invalid(
      'trigger.date',
      'notInFuture',
      '法律法规修改或职能变更的日期不能晚于今天',
      'trigger.date cannot be in the future',
    );
  }
  const ids = dto.changes.map((c) => c.entryId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate)
    throw invalid('changes', 'arrayUnique', `资源 ${duplicate} 重复出现`, `entry ${duplicate} appears twice`);
  const byId = new Map(ctx.entries.map((e) => [e.id, e]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing) throw resourceNotFound(missing);
  const entries = ids.map((id) => byId.get(id)!);
  const foreign = entries.find((e) => e.providerDepartmentId !== ctx.applicant.department);
  if (foreign) {
    throw new DomainError('forbidden', 'NOT_YOUR_CATALOG', {
      zh: `资源 ${foreign.id} 由 ${foreign.providerDepartmentId} 提供，只能由该部门申请更新`,
      en: `Entry ${foreign.id} belongs to ${foreign.providerDepartmentId}; only that department may ask to update it`,
    });
  }
  const jurisdiction = entries[0].jurisdiction as Jurisdiction;
  const pack = packInForce(jurisdiction, receivedOn);
  // The period to apply runs from the trigger under this pack: a trigger before the pack took effect is no breach of it.
  if (dto.trigger.date < pack.effectiveFrom)
    throw notAllowed(
      'TRIGGER_BEFORE_PACK',
      `触发日期 ${dto.trigger.date} 早于本地办法（${pack.id}）施行之日 ${pack.effectiveFrom}，不能按该办法申请目录更新`,
      `The trigger (${dto.trigger.date}) comes before ${pack.id} took effect on ${pack.effectiveFrom}`,
    );
  const authority = ctx.departments.find((d) => d.kind === 'authority');
  if (!authority) throw new Error(`no authority registered for ${jurisdiction}`);

  const changes: EntryChange[] = dto.changes.map((requested, index) => {
    const entry = byId.get(requested.entryId)!;
    const before = fieldsOfEntry(entry);
    const change = Object.fromEntries(
      Object.entries(requested.change).filter(([, v]) => v !== undefined),
    ) as Partial<CatalogFields>;
    const after = { ...before, ...change };
    if (diffFields(before, after).length === 0) {
      throw notAllowed(
        'NO_CHANGE_REQUESTED',
        `资源 ${entry.id} 的变更与目录现状相同`,
        `The change to ${entry.id} changes nothing`,
      );
    }
    const needed = shareBasisNeeded({ before, change });
    if (needed.length > 0) {
      throw notAllowed(
        'SHARE_CONDITIONS_REQUIRED',
        `资源 ${entry.id} 为有条件共享或不予共享，须写明 ${needed.join('、')}（有条件共享类写明共享条件，两类均须有法律、法规或规章依据）`,
        `Entry ${entry.id} is conditional or not shared: give ${needed.join(' and ')} (conditions for a conditional entry, a legal basis for both)`,
      );
    }
    const openBasis = pack.catalogUpdate.openRestrictionNeedsBasis;
    if (openBasis && openBasisNeeded({ before, change })) {
      throw notAllowed(
        'OPEN_BASIS_REQUIRED',
        `资源 ${entry.id} 为有条件开放或不予开放，须在 openBasis 中写明法律法规或者国家有关文件依据（${cite(openBasis)}）`,
        `Entry ${entry.id} is conditionally open or closed: give its basis in openBasis (${cite(openBasis)})`,
      );
    }
    if (
      change.providerDepartmentId &&
      !ctx.departments.some(
        (d) => d.id === change.providerDepartmentId && ['government', 'district-government'].includes(d.kind),
      )
    ) {
      throw invalid(
        `changes.${index}.change.providerDepartmentId`,
        'unknownDepartment',
        `本地区没有部门 ${change.providerDepartmentId}`,
        `no department ${change.providerDepartmentId} in ${jurisdiction}`,
      );
    }
    return { entryId: entry.id, jurisdiction, baseVersion: entry.version, before, change };
  });
  return {
    caseId: ctx.caseId,
    receivedAt: ctx.receivedAt.toISOString(),
    applicant: ctx.applicant,
    trigger: { kind: dto.trigger.kind, date: dto.trigger.date, description: dto.trigger.description.trim() },
    changes,
    rules: pack.catalogUpdate,
    departments: { provider: ctx.applicant.department, authority: authority.id },
    administrativeTargets: ctx.administrativeTargets,
  };
}
