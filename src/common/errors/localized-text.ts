/** Text shown to people: Simplified Chinese by default, English on request (SPEC §6). */
export interface LocalizedText {
  zh: string;
  en: string;
}

export type Language = keyof LocalizedText;

export function pickLanguage(acceptLanguage: string | undefined): Language {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}
