import { systemClock, type Clock } from '../clock';
import type { Logger } from '../log';
import type {
  Catalog, CatalogRequestOptions, Category, CategoryPage, Country, CountryRef, FoundProducts, ProductDetails,
  ProductSummary, Resolution, ShopContact, Zone,
} from './types';
import { describeRequest, StorefrontTransportError, type PagePreferences, type StorefrontFetcher } from './fetcher';
import { storeCurrencyFor, storeLanguageFor } from './language';
import {
  parseCategoryPage, parseMenuTopCategories, parseSearchCategorySelect, parseStoreCurrencies, parseStoreLanguages, type StoreCurrency, type StoreLanguage,
} from './parse/category';
import { parseContactPage } from './parse/contact';
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

/** What the home page's header and menu say, parsed once per language and TTL. */
interface HomeFacts {
  languages: StoreLanguage[];
  currencies: StoreCurrency[];
  menu: Category[] | null;
}

/** Roughly the bytes a list of products keeps alive (UTF-16 strings plus object overhead). */
function summariesWeight(products: ProductSummary[]): number {
  let weight = 64;
  for (const product of products) {
    weight += 96 + 2 * (product.name.length + (product.thumb?.length ?? 0) + product.price.length + (product.special?.length ?? 0));
  }
  return weight;
}

export const DEFAULT_CATALOG_TTL_MS = 5 * 60_000;
const DEFAULT_SEARCH_LIMIT = 25;
/** Listing size used to learn product names for typo correction. */
const VOCABULARY_LIMIT = 100;
/** Parsed search results kept: distinct phrases across all conversations, and about 8 MiB at most. */
const SEARCH_CACHE = { maxEntries: 1000, maxWeight: 8 * 1024 * 1024, weigh: summariesWeight };

/**
 * The catalog read from an OpenCart 3.0 storefront; answers are cached for `ttlMs` and shared by all conversations.
 * Pages are parsed once when fetched and only the parsed results are kept, never the HTML.
 */
export class StorefrontCatalog implements Catalog {
  private readonly homes: TtlCache<HomeFacts>;
  private readonly searchForms: TtlCache<Category[]>;
  private readonly searches: TtlCache<ProductSummary[]>;
  private readonly categories: TtlCache<CategoryPage | null>;
  private readonly products: TtlCache<ProductDetails | null>;
  private readonly countriesByLanguage: TtlCache<CountryRef[]>;
  private readonly zones: TtlCache<Country | null>;
  private readonly vocabularies: TtlCache<ProductVocabulary>;
  private readonly contacts: TtlCache<ShopContact | null>;

  constructor(
    private readonly fetcher: StorefrontFetcher,
    ttlMs = DEFAULT_CATALOG_TTL_MS,
    clock: Clock = systemClock,
    private readonly logger?: Logger,
  ) {
    this.homes = new TtlCache(clock, ttlMs, 64);
    this.searchForms = new TtlCache(clock, ttlMs, 64);
    this.searches = new TtlCache(clock, ttlMs, SEARCH_CACHE);
    this.categories = new TtlCache(clock, ttlMs, 500);
    this.products = new TtlCache(clock, ttlMs);
    this.countriesByLanguage = new TtlCache(clock, ttlMs, 64);
    this.zones = new TtlCache(clock, ttlMs, 500);
    this.vocabularies = new TtlCache(clock, ttlMs, 64);
    this.contacts = new TtlCache(clock, ttlMs, 64);
  }

  /** The home page as a visitor without cookies (or with the language cookie) sees it. */
  private home(language?: string): Promise<HomeFacts> {
    return this.homes.get(language ?? '', async () => {
      const html = await this.fetcher.get({ route: 'common/home' }, language ? { language } : {});
      if (!html) return { languages: [], currencies: [], menu: null };
      return { languages: parseStoreLanguages(html), currencies: parseStoreCurrencies(html), menu: parseMenuTopCategories(html) };
    });
  }

  /** Its header lists the store's languages and currencies. */
  private async storeLanguages(): Promise<StoreLanguage[]> {
    return (await this.home()).languages;
  }

  private async storeCurrencies(): Promise<StoreCurrency[]> {
    return (await this.home()).currencies;
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
    const prefs = await this.prefsOf(opts);
    return this.searches.get(`${prefsKey(prefs)}|${new URLSearchParams(params).toString()}`, async () => {
      const html = await this.fetcher.get(params, prefs);
      if (!html) return [];
      const page = parseSearchPage(wholePage(html, 'product/search'));
      if (!page) throw unreadablePage('product/search', 'not a search page');
      return page.products;
    });
  }

  async topCategories(opts?: CatalogRequestOptions): Promise<Category[]> {
    // Names only: the currency does not matter here.
    const language = await this.languageOf(opts);
    const fromMenu = (await this.home(language)).menu;
    if (fromMenu && fromMenu.length > 0) return fromMenu;
    // SEO URLs hide the ids in menu links; the search form's category select still carries them.
    return this.searchForms.get(language ?? '', async () => {
      const searchForm = await this.fetcher.get({ route: 'product/search' }, language ? { language } : {});
      if (!searchForm) return [];
      return parseSearchCategorySelect(searchForm)
        .filter((entry) => entry.depth === 0)
        .map(({ path, name }) => ({ path, name }));
    });
  }

  async category(path: string, opts?: CatalogRequestOptions): Promise<CategoryPage | null> {
    const params = { route: 'product/category', path, limit: String(opts?.limit ?? VOCABULARY_LIMIT) };
    const prefs = await this.prefsOf(opts);
    return this.categories.get(`${prefsKey(prefs)}|${new URLSearchParams(params).toString()}`, async () => {
      const html = await this.fetcher.get(params, prefs);
      return html ? parseCategoryPage(html, path) : null;
    });
  }

  async product(productId: number, opts?: CatalogRequestOptions): Promise<ProductDetails | null> {
    const prefs = await this.prefsOf(opts);
    // Parsed products are cached apart from raw pages: the parse runs once per TTL too.
    return this.products.get(`${prefsKey(prefs)}|${productId}`, async () => {
      const html = await this.fetcher.get({ route: 'product/product', product_id: String(productId) }, prefs);
      // "Product not found!" is a whole page with the shop's #content and no product form: the product is gone.
      return html ? parseProductPage(wholePage(html, 'product/product')) : null;
    });
  }

  matchOptionWords(product: ProductDetails, words: string[]): Record<number, number[]> {
    return matchOptionWords(product, words);
  }

  async countries(opts?: CatalogRequestOptions): Promise<CountryRef[]> {
    const language = await this.languageOf(opts);
    return this.countriesByLanguage.get(language ?? '', async () => {
      const request = { route: 'checkout/guest' };
      const html = await this.fetcher.get(request, language ? { language } : {});
      const countries = html ? parseCountrySelect(html) : [];
      // A store always has countries: none means an error page or a cut-off answer, told to the customer, not cached.
      if (countries.length === 0) throw new StorefrontTransportError(describeRequest(request), 'no country list', request.route);
      return countries;
    });
  }

  country(countryId: number): Promise<Country | null> {
    return this.zones.get(String(countryId), async () => {
      const request = { route: 'account/account/country', country_id: String(countryId) };
      const body = await this.fetcher.get(request);
      if (body === null) return null;
      try {
        return parseZoneJson(body);
      } catch {
        // A cut-off or garbled answer is the shop not answering properly: the customer is told, nothing is cached.
        throw new StorefrontTransportError(describeRequest(request), 'unreadable zones answer', request.route);
      }
    });
  }

  async resolveCountry(text: string, locale: string): Promise<Resolution<CountryRef>> {
    return resolveCountryText(text, await this.countries(), locale);
  }

  async resolveZone(countryId: number, text: string): Promise<Resolution<Zone>> {
    const country = await this.country(countryId);
    return country ? resolveZoneText(text, country) : { kind: 'none' };
  }

  async contact(opts?: CatalogRequestOptions): Promise<ShopContact | null> {
    const language = await this.languageOf(opts);
    return this.contacts.get(language ?? '', async () => {
      const request = { route: 'information/contact' };
      const html = await this.fetcher.get(request, language ? { language } : {});
      if (html === null) return null;
      const contact = parseContactPage(html);
      // Every OpenCart store has this page: none read means an error page or a cut-off answer, told, not cached.
      if (!contact) throw new StorefrontTransportError(describeRequest(request), 'no contact details', request.route);
      return contact;
    });
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
      const listed = categories.map((category, index) => ({
        name: category.name,
        productIds: pages[index]?.products.map((product) => product.productId) ?? [],
      }));
      this.logger?.debug({ categories: categories.length, names: names.length }, 'catalog vocabulary built');
      return new ProductVocabulary(names, listed);
    });
  }
}

/** A storefront page the shop sent whole: it ends with `</html>` (a page cut on the way, or a PHP error, does not). */
function wholePage(html: string, route: string): string {
  if (!/<\/html>\s*$/i.test(html.slice(-64))) throw unreadablePage(route, 'page cut short');
  return html;
}

/** The shop answered, but not with the page asked for: as good as not answering (told so; nothing cached). */
function unreadablePage(route: string, reason: string): StorefrontTransportError {
  return new StorefrontTransportError(route, reason, route);
}
