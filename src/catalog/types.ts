/**
 * What the bot knows about the shop's catalog and countries, read from the storefront pages.
 * Framework-free: no botbuilder imports here. All values are plain JSON.
 */

export interface ProductSummary {
  productId: number;
  name: string;
  thumb: string | null;
  /** Price as the storefront shows it (incl. tax where the store displays it so), e.g. "$123.20". */
  price: string;
  /** Special price when there is one; `price` then holds the regular (old) price. */
  special: string | null;
  /** "Ex Tax: $101.00" figure, when the store shows it. */
  priceExTax: string | null;
  minimum: number;
}

export type OptionType =
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'image'
  | 'text'
  | 'textarea'
  | 'date'
  | 'time'
  | 'datetime'
  | 'file';

export interface OptionValue {
  productOptionValueId: number;
  name: string;
  /** The price delta as shown, e.g. "+$4.80", or null. */
  priceDelta: string | null;
}

export interface ProductOption {
  productOptionId: number;
  name: string;
  type: OptionType;
  required: boolean;
  values: OptionValue[]; // empty for free-text and file options
  defaultValue: string | null; // prefilled value of text/date/time inputs
}

export interface ProductDetails extends ProductSummary {
  description: string; // plain text
  stockText: string; // "In Stock", "Pre-Order", "970", ...
  inStock: boolean;
  images: string[];
  options: ProductOption[];
  model: string | null;
  brand: string | null;
}

export interface Category {
  /** The `path` parameter, e.g. "20" or "20_27". */
  path: string;
  name: string;
}

export interface CategoryPage {
  category: Category;
  subcategories: Category[];
  products: ProductSummary[];
}

export interface CountryRef {
  countryId: number;
  name: string;
}

export interface Zone {
  zoneId: number;
  name: string;
  code: string;
}

export interface Country extends CountryRef {
  isoCode2: string;
  isoCode3: string;
  postcodeRequired: boolean;
  zones: Zone[];
}

export type Resolution<T> =
  | { kind: 'found'; value: T }
  | { kind: 'ambiguous'; candidates: T[] }
  | { kind: 'none' };

/** What a customer's words asked for: the search that found products, plus what else the text said. */
export interface ProductQuery {
  /** The words sent to OpenCart's search (after dropping quantities and option words). */
  search: string;
  quantity: number | null;
  /** Words that may name option values ("red", "large"); matched against the chosen product's options. */
  optionWords: string[];
}

export interface FoundProducts {
  query: ProductQuery;
  products: ProductSummary[];
  /** True when the text needed a looser retry (fewer words, description search) to find anything. */
  relaxed: boolean;
  /**
   * Words of the text that named a top category rather than words of the name ("cameras" in "canon cameras"), and
   * the found products that category's listing shows (they come first in `products`).
   */
  category?: { words: number; productIds: number[] };
  /** The other products the text asked for ("… and an iphone"), each a text to look for after this one. */
  more?: string[];
}

export interface CatalogRequestOptions {
  /** Customer's language (e.g. "de"); pages are read in it where the store has it. */
  language?: string;
  /** Currency code (e.g. "EUR"); prices are read in it where the store offers it. */
  currency?: string;
  limit?: number;
}

/** The shop's contact details as its information/contact page shows them (the store's own words, its language). */
export interface ShopContact {
  storeName: string | null;
  /** The address lines as the store wrote them. */
  address: string[];
  telephone: string | null;
  fax: string | null;
  /** Only where the theme shows one (the default theme does not: its form writes to the shop instead). */
  email: string | null;
  openingTimes: string[];
  comment: string[];
  /** The contact page itself, where its form writes to the shop. */
  pageUrl: string | null;
}

export interface Catalog {
  findProducts(text: string, opts?: CatalogRequestOptions): Promise<FoundProducts>;
  search(search: string, opts?: CatalogRequestOptions & { description?: boolean }): Promise<ProductSummary[]>;
  topCategories(opts?: CatalogRequestOptions): Promise<Category[]>;
  category(path: string, opts?: CatalogRequestOptions): Promise<CategoryPage | null>;
  /** null when the store answers 404. */
  product(productId: number, opts?: CatalogRequestOptions): Promise<ProductDetails | null>;
  /** Option values the words name (e.g. "red" => Red of option 226); one value per option at most. */
  matchOptionWords(product: ProductDetails, words: string[]): Record<number, number[]>;
  countries(opts?: CatalogRequestOptions): Promise<CountryRef[]>;
  country(countryId: number): Promise<Country | null>;
  /** Name in any language, ISO 2/3 code, small typos. */
  resolveCountry(text: string, locale: string): Promise<Resolution<CountryRef>>;
  resolveZone(countryId: number, text: string): Promise<Resolution<Zone>>;
  /** information/contact, in the customer's language where the store has it; null when the store has no such page. */
  contact(opts?: CatalogRequestOptions): Promise<ShopContact | null>;
}
