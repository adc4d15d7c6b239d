/** The catalog read from an OpenCart 3.0 storefront (layer 2: no botbuilder imports). */
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../log';
import type { Catalog } from './types';
import { createStorefrontFetcher } from './fetcher';
import { DEFAULT_CATALOG_TTL_MS, StorefrontCatalog } from './storefront-catalog';

export interface StorefrontCatalogOptions {
  baseUrl: string;
  ttlMs?: number;
  clock?: Clock;
  logger?: Logger;
  timeoutMs?: number;
}

export function createStorefrontCatalog(opts: StorefrontCatalogOptions): Catalog {
  const fetcher = createStorefrontFetcher({ baseUrl: opts.baseUrl, timeoutMs: opts.timeoutMs, logger: opts.logger });
  return new StorefrontCatalog(fetcher, opts.ttlMs ?? DEFAULT_CATALOG_TTL_MS, opts.clock ?? systemClock, opts.logger);
}

export * from './types';
export { StorefrontCatalog, DEFAULT_CATALOG_TTL_MS } from './storefront-catalog';
export {
  createStorefrontFetcher, describeRequest, preferenceHeaders, StorefrontHttpError, StorefrontTransportError, type PagePreferences, type StorefrontFetcher,
} from './fetcher';
export { TtlCache } from './ttl-cache';
export {
  createStorefrontUploader, uploadFileName, type StorefrontUploader, type UploadFile, type UploadOutcome, type UploadRefusal,
} from './upload';
export { parseSearchPage, parseProductThumbs, type SearchPage } from './parse/listing';
export { parseProductPage, isInStockText, splitPriceDelta } from './parse/product';
export {
  parseCategoryPage, parseMenuTopCategories, parseSearchCategorySelect, parseStoreCurrencies, parseStoreLanguages,
  type CategoryTreeEntry, type StoreCurrency, type StoreLanguage,
} from './parse/category';
export { parseCountrySelect, parseZoneJson } from './parse/countries';
export { interpretProductText, canonicalOptionWord, type InterpretedText } from './query/interpret';
export { matchOptionValues, matchOptionWords } from './query/option-match';
export { ProductVocabulary } from './query/typo';
export { foldText } from './query/fold';
export { resolveCountryText, resolveZoneText, isoCodeOfOpenCartName } from './geo/countries';
export { storeCurrencyFor, storeLanguageFor } from './language';
export { readCountryAnswer, MAX_COUNTRY_ANSWER, type CountryAnswer } from './geo/country-answer';
