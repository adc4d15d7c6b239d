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
  return {
    i18n: instance,
    t: (locale, key, vars) => instance.t(key, { ...vars, lng: supportedLocale(locale) ?? fallback }),
    allTranslations: (key) => SUPPORTED_LOCALES.map((lng) => instance.t(key, { lng })),
  };
}
