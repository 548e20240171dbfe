import type { Actor } from '../../workflows/contracts/actor.js';
import type { Jurisdiction } from '../../workflows/contracts/citation.js';
import { packOfUnknownStart, resolvePack } from '../../workflows/rules/pack-resolver.js';
import type { RulePack } from '../../workflows/rules/rule-types.js';
import { shanghaiDateOf } from '../calendar/plain-date.js';
import type { CatalogEntry } from '../catalog/catalog-entry.entity.js';
import type { Department } from '../catalog/department.entity.js';
import { notAllowed, unknownItems } from './case-errors.js';

/** What every planner needs to know about a new case about a catalog resource. */
export interface PlanContext {
  caseId: string;
  receivedAt: Date;
  applicant: Actor;
  applicantDepartment: Department;
  resource: CatalogEntry;
  /** The resource jurisdiction's departments. */
  departments: Department[];
  authority: Department;
  administrativeTargets: Record<string, number>;
}

export function checkItems(resource: CatalogEntry, items: string[]): void {
  const known = new Set(resource.dataItems.map((item) => item.key));
  const unknown = items.filter((item) => !known.has(item));
  if (unknown.length > 0) throw unknownItems(unknown);
}

/** The pack in force for the resource's jurisdiction on the day of receipt (Asia/Shanghai). */
export function resolvePackFor(ctx: PlanContext): RulePack {
  return packInForce(ctx.resource.jurisdiction as Jurisdiction, shanghaiDateOf(ctx.receivedAt));
}

/** The pack in force on a day, or a 422 saying why none can be applied. */
export function packInForce(jurisdiction: Jurisdiction, receivedOn: string): RulePack {
  const pack = resolvePack(jurisdiction, receivedOn);
  if (pack) return pack;
  const blank = packOfUnknownStart(jurisdiction, receivedOn);
  if (blank?.startUnknown) {
    throw notAllowed(
      'PACK_START_UNKNOWN',
      `${receivedOn}：${blank.startUnknown.why.zh}；${blank.effectiveFrom} 起确定适用`,
      `${receivedOn}: ${blank.startUnknown.why.en}; it surely applies from ${blank.effectiveFrom}`,
    );
  }
  throw notAllowed(
    'NO_PACK_IN_FORCE',
    `${receivedOn} 该地区没有生效的管理办法`,
    `No regulation is in force for ${jurisdiction} on ${receivedOn}`,
  );
}

/** The resource as a case about it carries it: id, title and provider. */
export function resourceOf(ctx: PlanContext): { id: string; title: string; providerDepartment: string } {
  return { id: ctx.resource.id, title: ctx.resource.title, providerDepartment: ctx.resource.providerDepartmentId };
}
