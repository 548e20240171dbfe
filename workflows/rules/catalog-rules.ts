import type { CatalogFields, EntryChange } from '../contracts/catalog-update.js';

export type ShareBasisField = 'shareConditions' | 'legalBasis';
/** What a catalog entry may have to state for its share and open types. */
export type BasisField = ShareBasisField | 'openBasis';

/**
 * Jiangmen-2019 Art. 20 ¶2, Chongqing Art. 25(1): a conditional or not-shared entry rests on a legal basis; a
 * conditional one also states its conditions (「列入有条件共享类的…应明确具体共享条件」). What an entry lacks of these.
 */
export function missingShareBasis(fields: {
  shareType: CatalogFields['shareType'];
  shareConditions?: string | null;
  legalBasis?: string | null;
}): ShareBasisField[] {
  const missing: ShareBasisField[] = [];
  if (fields.shareType === 'unconditional') return missing;
  if (fields.shareType === 'conditional' && !fields.shareConditions?.trim()) missing.push('shareConditions');
  if (!fields.legalBasis?.trim()) missing.push('legalBasis');
  return missing;
}

export function lacksShareBasis(fields: CatalogFields): boolean {
  return missingShareBasis(fields).length > 0;
}

/**
 * What a change must still state about the entry's share type. A change of share type brings its own
 * conditions and basis: the old type's (why it was not shared) do not carry over.
 */
export function shareBasisNeeded({ before, change }: Pick<EntryChange, 'before' | 'change'>): ShareBasisField[] {
  const after = { ...before, ...change };
  const typeChanged = change.shareType !== undefined && change.shareType !== before.shareType;
  if (typeChanged) {
    return missingShareBasis({
      shareType: after.shareType,
      shareConditions: change.shareConditions,
      legalBasis: change.legalBasis,
    });
  }
  return missingShareBasis(after);
}

export function needsShareConditions(change: Pick<EntryChange, 'before' | 'change'>): boolean {
  return shareBasisNeeded(change).length > 0;
}

/**
 * Chongqing Art. 31 ¶1: a conditional or closed open type rests on laws, regulations or national documents. A
 * change of open type brings its own basis; an unchanged one keeps needing what it has.
 */
export function openBasisNeeded({ before, change }: Pick<EntryChange, 'before' | 'change'>): boolean {
  const after = { ...before, ...change };
  if (after.openType === 'open') return false;
  const typeChanged = change.openType !== undefined && change.openType !== before.openType;
  return !(typeChanged ? change.openBasis : after.openBasis)?.trim();
}

/** Everything a change must still state under the pack's rules (share basis everywhere; open basis in Chongqing). */
export function basisNeeded(
  change: Pick<EntryChange, 'before' | 'change'>,
  rules: { openRestrictionNeedsBasis?: unknown },
): BasisField[] {
  const needed: BasisField[] = shareBasisNeeded(change);
  if (rules.openRestrictionNeedsBasis && openBasisNeeded(change)) needed.push('openBasis');
  return needed;
}
