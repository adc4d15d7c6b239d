import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { SUPPORTED_LOCALES, supportedLocale, type SupportedLocale } from './locale';

export * from './locale';

/** Translates keys of locales/<lng>/<feature>.json as "<feature>.<key>", with i18next plurals via `count`. */
export interface Translator {
  t(locale: string | undefined, key: string, vars?: Record<string, unknown>): string;
  /** Every translation of a key across the supported locales (to recognise commands in any language). */
  allTranslations(key: string): string[];
  readonly i18n: i18n;
}

export const LOCALES_DIR = resolve(__dirname, '..', '..', 'locales');

/** Reads locales/<lng>/*.json into one resource tree per language: { cart: {...}, search: {...} }. */
export function loadLocaleResources(dir = LOCALES_DIR): Record<string, { translation: Record<string, unknown> }> {
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  for (const lng of SUPPORTED_LOCALES) {
    const translation: Record<string, unknown> = {};
    for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith('.json')).sort()) {
      translation[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, lng, file), 'utf8'));
    }
    resources[lng] = { translation };
  }
  return resources;
}

/** A ready translator: all locales loaded and initialised synchronously. */
const MAX_PLAIN_TEXTS = 10_000;

export function createTranslator(options: { defaultLocale?: SupportedLocale; dir?: string } = {}): Translator {
  const fallback = options.defaultLocale ?? 'en';
  const instance = i18next.createInstance();
  void instance.init({
    resources: loadLocaleResources(options.dir),
    lng: fallback,
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LOCALES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  // A text without variables is the same every time: looked up once per locale and key, not on every turn.
  // Bounded (the keys are the code's own, a few hundred per locale); past the bound it simply looks up again.
  const plain = new Map<string, string>();
  const lookUp = (lng: SupportedLocale, key: string): string => {
    const memoKey = `${lng}\u0000${key}`;
    let text = plain.get(memoKey);
    if (text === undefined) {
      text = instance.t(key, { lng });
      if (plain.size < MAX_PLAIN_TEXTS) plain.set(memoKey, text);
    }
    return text;
  };
  return {
    i18n: instance,
    t: (locale, key, vars) => {
      const lng = supportedLocale(locale) ?? fallback;
      return vars ? instance.t(key, { ...vars, lng }) : lookUp(lng, key);
    },
    allTranslations: (key) => SUPPORTED_LOCALES.map((lng) => lookUp(lng, key)),
  };
}
