export const PACK_IDS = ['jiangmen-2019', 'jiangmen-2023', 'chongqing-2019', 'huarong-2021', 'quanzhou-2021'] as const;
export type PackId = (typeof PACK_IDS)[number];

export const JURISDICTIONS = ['jiangmen', 'chongqing', 'huarong', 'quanzhou'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** Where a rule comes from: the pack, the article and, where it matters, the clause. */
export interface Citation {
  pack: PackId;
  article: string;
  clause?: string;
  /** A one-line summary of what the provision says, in Chinese. */
  summary: string;
}

export interface Text {
  zh: string;
  en: string;
}
