import type { Jurisdiction, PackId } from '../contracts/citation.js';
import { CHONGQING_2019 } from './packs/chongqing-2019.js';
import { HUARONG_2021 } from './packs/huarong-2021.js';
import { JIANGMEN_2019 } from './packs/jiangmen-2019.js';
import { JIANGMEN_2023 } from './packs/jiangmen-2023.js';
import { QUANZHOU_2021 } from './packs/quanzhou-2021.js';
import type { RulePack } from './rule-types.js';

export const RULE_PACKS: readonly RulePack[] = [
  JIANGMEN_2019,
  JIANGMEN_2023,
  CHONGQING_2019,
  HUARONG_2021,
  QUANZHOU_2021,
];

/**
 * The pack in force for a jurisdiction on the day a case is received (a date in
 * Asia/Shanghai, YYYY-MM-DD). It governs the case for its whole life.
 */
export function resolvePack(jurisdiction: Jurisdiction, receivedOn: string): RulePack | undefined {
  return RULE_PACKS.find(
    (pack) =>
      pack.jurisdiction === jurisdiction &&
      pack.effectiveFrom <= receivedOn &&
      (!pack.effectiveUntil || receivedOn <= pack.effectiveUntil),
  );
}

/** The pack whose start date the text leaves blank, if the day falls in that blank. */
export function packOfUnknownStart(jurisdiction: Jurisdiction, receivedOn: string): RulePack | undefined {
  return RULE_PACKS.find(
    (pack) =>
      pack.jurisdiction === jurisdiction &&
      pack.startUnknown !== undefined &&
      pack.startUnknown.from <= receivedOn &&
      receivedOn < pack.effectiveFrom,
  );
}

export function packById(id: PackId): RulePack {
  const pack = RULE_PACKS.find((p) => p.id === id);
  if (!pack) throw new Error(`unknown rule pack ${id}`);
  return pack;
}
