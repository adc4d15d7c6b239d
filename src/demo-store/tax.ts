import type { DemoTaxRate } from './model';
import type { SessionData, StoreState } from './state';

export interface TaxPlace {
  countryId: number;
  zoneId: number;
}

/** The addresses taxes are computed for; fixed at the start of each request, like OpenCart's startup. */
export interface TaxAddresses {
  shipping: TaxPlace | null;
  payment: TaxPlace | null;
  store: TaxPlace;
}

export interface TaxAmount {
  taxRateId: number;
  name: string;
  rate: number;
  type: 'P' | 'F';
  amount: number;
}

const toPlace = (a: { country_id: string; zone_id: string }): TaxPlace => ({
  countryId: Number.parseInt(a.country_id, 10) || 0,
  zoneId: Number.parseInt(a.zone_id, 10) || 0,
});

/** config_tax_default=shipping: the store address stands in for a missing shipping address. */
export function taxAddressesFor(state: StoreState, session: SessionData): TaxAddresses {
  const s = state.catalog.settings;
  const store = { countryId: s.countryId, zoneId: s.zoneId };
  return {
    shipping: session.shipping_address ? toPlace(session.shipping_address) : s.taxDefault === 'shipping' ? store : null,
    payment: session.payment_address ? toPlace(session.payment_address) : s.taxDefault === 'payment' ? store : null,
    store,
  };
}

function inGeoZone(state: StoreState, geoZoneId: number, place: TaxPlace): boolean {
  const zone = state.catalog.geoZones.find((g) => g.geoZoneId === geoZoneId);
  return !!zone?.members.some((m) => m.countryId === place.countryId && (m.zoneId === 0 || m.zoneId === place.zoneId));
}

/** Tax::getRates: every rate of the class that applies at its address, amounts for `value`. */
export function taxRates(state: StoreState, where: TaxAddresses, value: number, taxClassId: number): Map<number, TaxAmount> {
  const out = new Map<number, TaxAmount>();
  for (const rule of state.catalog.taxRules) {
    if (rule.taxClassId !== taxClassId) continue;
    const place = where[rule.based];
    const rate: DemoTaxRate | undefined = state.catalog.taxRates.find((r) => r.taxRateId === rule.taxRateId);
    if (!place || !rate || !inGeoZone(state, rate.geoZoneId, place)) continue;
    const previous = out.get(rate.taxRateId)?.amount ?? 0;
    const amount = previous + (rate.type === 'F' ? rate.rate : (value / 100) * rate.rate);
    out.set(rate.taxRateId, { taxRateId: rate.taxRateId, name: rate.name, rate: rate.rate, type: rate.type, amount });
  }
  return out;
}

/** Tax::calculate with config_tax on: the value plus every applicable tax. */
export function withTax(state: StoreState, where: TaxAddresses, value: number, taxClassId: number): number {
  let total = value;
  for (const t of taxRates(state, where, value, taxClassId).values()) total += t.amount;
  return total;
}
