import type { DemoCatalogData, DemoCurrency } from '../model';

/** What one storefront request renders with: the seeded data, the base URL and the visitor's currency and settings. */
export interface PageView {
  data: DemoCatalogData;
  baseUrl: string;
  /** The currency the visitor sees prices in (session/cookie, else the store default), as OpenCart's startup picks it. */
  currency: DemoCurrency;
  /** config_stock_display as it is now (test hooks may change it at run time). */
  stockDisplay: boolean;
}
