/** Custom search attributes the workflows set; the dev server registers each at start. */
export const CUSTOM_SEARCH_ATTRIBUTES = {
  CaseProcedure: 'Keyword',
  CasePack: 'Keyword',
  CaseState: 'Keyword',
  CaseDepartment: 'KeywordList',
} as const;

export type SearchAttributeName = keyof typeof CUSTOM_SEARCH_ATTRIBUTES;
