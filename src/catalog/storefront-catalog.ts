import { systemClock, type Clock } from '../clock';
import type { Logger } from '../log';
import type {
  Catalog, CatalogRequestOptions, Category, CategoryPage, Country, CountryRef, FoundProducts, ProductDetails,
  ProductSummary, Resolution, Zone,
} from './types';
import type { PagePreferences, StorefrontFetcher } from './fetcher';
import { storeCurrencyFor, storeLanguageFor } from './language';
import {
  parseCategoryPage, parseMenuTopCategories, parseSearchCategorySelect, parseStoreCurrencies, parseStoreLanguages, type StoreCurrency, type StoreLanguage,
} from './parse/category';
import { parseCountrySelect, parseZoneJson } from './parse/countries';
import { parseSearchPage } from './parse/listing';
import { parseProductPage } from './parse/product';
import { findProducts } from './product-finder';
import { matchOptionWords } from './query/option-match';
import { ProductVocabulary } from './query/typo';
import { resolveCountryText, resolveZoneText } from './geo/countries';
import { TtlCache } from './ttl-cache';

function prefsKey(prefs: PagePreferences): string {
  return `${prefs.language ?? ''}|${prefs.currency ?? ''}`;
}

export const DEFAULT_CATALOG_TTL_MS = 5 * 60_000;
const DEFAULT_SEARCH_LIMIT = 25;
/** Listing size used to learn product names for typo correction. */
const VOCABULARY_LIMIT = 100;

/** The catalog read from an OpenCart 3.0 storefront; answers are cached for `ttlMs` and shared by all conversations. */
export class StorefrontCatalog implements Catalog {
  private readonly pages: TtlCache<string | null>;
  private readonly products: TtlCache<ProductDetails | null>;
  private readonly countriesByLanguage: TtlCache<CountryRef[]>;
  private readonly zones: TtlCache<Country | null>;
  private readonly vocabularies: TtlCache<ProductVocabulary>;

  constructor(
    private readonly fetcher: StorefrontFetcher,
    ttlMs = DEFAULT_CATALOG_TTL_MS,
    clock: Clock = systemClock,
    private readonly logger?: Logger,
  ) {
    this.pages = new TtlCache(clock, ttlMs);
    this.products = new TtlCache(clock, ttlMs);
    this.countriesByLanguage = new TtlCache(clock, ttlMs);
    this.zones = new TtlCache(clock, ttlMs);
    this.vocabularies = new TtlCache(clock, ttlMs);
  }

  /** A raw page, cached by its parameters, language and currency; null for HTTP 404. */
  private page(params: Record<string, string>, prefs: PagePreferences = {}): Promise<string | null> {
    return this.pages.get(`${prefsKey(prefs)}|${new URLSearchParams(params).toString()}`, () => this.fetcher.get(params, prefs));
  }

  /** The home page as a visitor without cookies sees it: its header lists the store's languages and currencies. */
  private async storeLanguages(): Promise<StoreLanguage[]> {
    const home = await this.page({ route: 'common/home' });
    return home ? parseStoreLanguages(home) : [];
  }

  private async storeCurrencies(): Promise<StoreCurrency[]> {
    const home = await this.page({ route: 'common/home' });
    return home ? parseStoreCurrencies(home) : [];
  }

  private async languageOf(opts?: CatalogRequestOptions): Promise<string | undefined> {
    if (!opts?.language) return undefined;
    return storeLanguageFor(opts.language, await this.storeLanguages());
  }

  /** The store's language and currency codes for the request; what the store lacks is left out (its default applies). */
  private async prefsOf(opts?: CatalogRequestOptions): Promise<PagePreferences> {
    const language = await this.languageOf(opts);
    const currency = opts?.currency ? storeCurrencyFor(opts.currency, await this.storeCurrencies()) : undefined;
    return { ...(language ? { language } : {}), ...(currency ? { currency } : {}) };
  }

  findProducts(text: string, opts: CatalogRequestOptions = {}): Promise<FoundProducts> {
    return findProducts({ search: (search, o) => this.search(search, o), vocabulary: (o) => this.vocabulary(o) }, text, opts);
  }

  async search(search: string, opts: CatalogRequestOptions & { description?: boolean } = {}): Promise<ProductSummary[]> {
    const params: Record<string, string> = { route: 'product/search', search, limit: String(opts.limit ?? DEFAULT_SEARCH_LIMIT) };
    if (opts.description) params.description = 'true';
    const html = await this.page(params, await this.prefsOf(opts));
    return html ? parseSearchPage(html).products : [];
  }

  async topCategories(opts?: CatalogRequestOptions): Promise<Category[]> {
    // Names only: the currency does not matter here.
    const language = { language: await this.languageOf(opts) };
    const home = await this.page({ route: 'common/home' }, language);
    const fromMenu = home ? parseMenuTopCategories(home) : null;
    if (fromMenu && fromMenu.length > 0) return fromMenu;
    // SEO URLs hide the ids in menu links; the search form's category select still carries them.
    const searchForm = await this.page({ route: 'product/search' }, language);
    if (!searchForm) return [];
    return parseSearchCategorySelect(searchForm)
      .filter((entry) => entry.depth === 0)
      .map(({ path, name }) => ({ path, name }));
  }

  async category(path: string, opts?: CatalogRequestOptions): Promise<CategoryPage | null> {
    const params = { route: 'product/category', path, limit: String(opts?.limit ?? VOCABULARY_LIMIT) };
    const html = await this.page(params, await this.prefsOf(opts));
    return html ? parseCategoryPage(html, path) : null;
  }

  async product(productId: number, opts?: CatalogRequestOptions): Promise<ProductDetails | null> {
    const prefs = await this.prefsOf(opts);
    // Parsed products are cached apart from raw pages: the parse runs once per TTL too.
    return this.products.get(`${prefsKey(prefs)}|${productId}`, async () => {
      const html = await this.fetcher.get({ route: 'product/product', product_id: String(productId) }, prefs);
      return html ? parseProductPage(html) : null;
    });
  }

  matchOptionWords(product: ProductDetails, words: string[]): Record<number, number[]> {
    return matchOptionWords(product, words);
  }

  async countries(opts?: CatalogRequestOptions): Promise<CountryRef[]> {
    const language = await this.languageOf(opts);
    return this.countriesByLanguage.get(language ?? '', async () => {
      const html = await this.fetcher.get({ route: 'checkout/guest' }, language ? { language } : {});
      return html ? parseCountrySelect(html) : [];
    });
  }

  country(countryId: number): Promise<Country | null> {
    return this.zones.get(String(countryId), async () => {
      const body = await this.fetcher.get({ route: 'account/account/country', country_id: String(countryId) });
      return body === null ? null : parseZoneJson(body);
    });
  }

  async resolveCountry(text: string, locale: string): Promise<Resolution<CountryRef>> {
    return resolveCountryText(text, await this.countries(), locale);
  }

  async resolveZone(countryId: number, text: string): Promise<Resolution<Zone>> {
    const country = await this.country(countryId);
    return country ? resolveZoneText(text, country) : { kind: 'none' };
  }

  /** Words of product names in the top categories' listings, for typo correction. */
  private async vocabulary(opts: CatalogRequestOptions): Promise<ProductVocabulary> {
    const language = await this.languageOf(opts);
    return this.vocabularies.get(language ?? '', async () => {
      // Product names do not depend on the currency: every currency shares one vocabulary and its pages.
      const named: CatalogRequestOptions = opts.language ? { language: opts.language } : {};
      const categories = await this.topCategories(named);
      const pages = await Promise.all(categories.map((category) => this.category(category.path, { ...named, limit: VOCABULARY_LIMIT })));
      const names = pages.flatMap((page) => page?.products.map((product) => product.name) ?? []);
      this.logger?.debug({ categories: categories.length, names: names.length }, 'catalog vocabulary built');
      return new ProductVocabulary(names);
    });
  }
}
