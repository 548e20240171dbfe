import type { Language } from './localized-text.js';

type Localized<T> = T extends { zh: string; en: string }
  ? string
  : T extends Array<infer U>
    ? Array<Localized<U>>
    : T extends object
      ? { [K in keyof T]: Localized<T[K]> }
      : T;

function isText(value: object): value is { zh: string; en: string } {
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes('zh') && keys.includes('en');
}

/** Replaces every `{ zh, en }` text inside a value by the caller's language. */
export function localize<T>(value: T, language: Language): Localized<T> {
  if (Array.isArray(value)) return value.map((v) => localize(v, language)) as Localized<T>;
  if (value && typeof value === 'object') {
    if (isText(value)) return value[language] as Localized<T>;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, language)])) as Localized<T>;
  }
  return value as Localized<T>;
}
