import type { DemoCatalogData, DemoCurrency, DemoProduct } from '../model';
import { formatMoney } from '../money';

/**
 * Storefront prices as a guest sees them: OpenCart taxes by the store's address until a shipping address is known
 * (config_tax_default=shipping), so UK VAT 20 % + 2.00 eco tax apply to tax class 9 ("$101.00" -> "$123.20").
 */
export function withStoreTax(data: DemoCatalogData, value: number, taxClassId: number, percentOnly = false): number {
  if (!data.settings.taxDisplay) return value;
  const place = { countryId: data.settings.countryId, zoneId: data.settings.zoneId };
  let total = value;
  for (const rule of data.taxRules) {
    if (rule.taxClassId !== taxClassId) continue;
    const rate = data.taxRates.find((r) => r.taxRateId === rule.taxRateId);
    const zone = data.geoZones.find((g) => g.geoZoneId === rate?.geoZoneId);
    const applies = zone?.members.some((m) => m.countryId === place.countryId && (m.zoneId === 0 || m.zoneId === place.zoneId));
    if (!rate || !applies) continue;
    // Option price deltas are taxed with percentage rates only (Tax::calculate(..., 'P')).
    if (rate.type === 'F' && percentOnly) continue;
    total += rate.type === 'F' ? rate.rate : (value / 100) * rate.rate;
  }
  return total;
}

export function defaultCurrency(data: DemoCatalogData): DemoCurrency {
  const currency = data.currencies.find((c) => c.code === data.settings.currency) ?? data.currencies[0];
  if (!currency) throw new Error('demo catalog has no currency');
  return currency;
}

/** The special of the store's default customer group: lowest priority first, then lowest price. */
export function specialOf(data: DemoCatalogData, product: DemoProduct): number | null {
  const specials = product.specials
    .filter((s) => s.customerGroupId === data.settings.customerGroupId)
    .sort((a, b) => a.priority - b.priority || a.price - b.price);
  return specials[0]?.price ?? null;
}

export interface ShownPrices {
  price: string;
  special: string | null;
  /** "Ex Tax" figure: the special when there is one, else the price. */
  exTax: string | null;
}

/** Prices in the visitor's currency, converted from the stored default-currency amounts like Currency::format. */
export function shownPrices(data: DemoCatalogData, product: DemoProduct, currency: DemoCurrency): ShownPrices {
  const special = specialOf(data, product);
  return {
    price: formatMoney(withStoreTax(data, product.price, product.taxClassId), currency),
    special: special === null ? null : formatMoney(withStoreTax(data, special, product.taxClassId), currency),
    exTax: data.settings.taxDisplay ? formatMoney(special ?? product.price, currency) : null,
  };
}

/** The store's currency for a visitor's code (the `currency` cookie); unknown or missing codes give the default, as in startup.php. */
export function visitorCurrency(data: DemoCatalogData, code: string | undefined): DemoCurrency {
  return data.currencies.find((c) => c.code === code) ?? defaultCurrency(data);
}
