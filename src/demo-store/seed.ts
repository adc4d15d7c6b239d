import type { DemoCatalogData, DemoCategory, DemoCountry } from './model';
import { countryList } from './seed-country-list';
import { zonesByCountry } from './seed-zones';
import { demoProducts } from './seed-products';

/** ISO codes, postcode flag and address format where the seed is sure of them (zone JSON captures + demo SQL). */
const countryFacts: Record<number, { iso2: string; iso3: string; postcode: boolean; format?: string }> = {
  176: { iso2: 'RU', iso3: 'RUS', postcode: false },
  222: { iso2: 'GB', iso3: 'GBR', postcode: true },
  223: { iso2: 'US', iso3: 'USA', postcode: false,
    format: '{firstname} {lastname}\r\n{company}\r\n{address_1}\r\n{address_2}\r\n{city}, {zone} {postcode}\r\n{country}' },
  81: { iso2: 'DE', iso3: 'DEU', postcode: true,
    format: '{company}\r\n{firstname} {lastname}\r\n{address_1}\r\n{address_2}\r\n{postcode} {city}\r\n{country}' },
  74: { iso2: 'FR', iso3: 'FRA', postcode: true },
  203: { iso2: 'SE', iso3: 'SWE', postcode: true },
  13: { iso2: 'AU', iso3: 'AUS', postcode: false },
  14: { iso2: 'AT', iso3: 'AUT', postcode: false },
  21: { iso2: 'BE', iso3: 'BEL', postcode: false },
  38: { iso2: 'CA', iso3: 'CAN', postcode: false },
  44: { iso2: 'CN', iso3: 'CHN', postcode: false },
  57: { iso2: 'DK', iso3: 'DNK', postcode: false },
  72: { iso2: 'FI', iso3: 'FIN', postcode: false },
  99: { iso2: 'IN', iso3: 'IND', postcode: false },
  103: { iso2: 'IE', iso3: 'IRL', postcode: false },
  105: { iso2: 'IT', iso3: 'ITA', postcode: false },
  107: { iso2: 'JP', iso3: 'JPN', postcode: false },
  150: { iso2: 'NL', iso3: 'NLD', postcode: false },
  160: { iso2: 'NO', iso3: 'NOR', postcode: false },
  170: { iso2: 'PL', iso3: 'POL', postcode: false },
  171: { iso2: 'PT', iso3: 'PRT', postcode: false },
  195: { iso2: 'ES', iso3: 'ESP', postcode: false },
  204: { iso2: 'CH', iso3: 'CHE', postcode: false },
  220: { iso2: 'UA', iso3: 'UKR', postcode: false },
};

function buildCountries(): DemoCountry[] {
  return countryList.map(([countryId, name]) => {
    const facts = countryFacts[countryId];
    return {
      countryId, name,
      isoCode2: facts?.iso2 ?? '', isoCode3: facts?.iso3 ?? '',
      postcodeRequired: facts?.postcode ?? false, addressFormat: facts?.format ?? '',
      zones: (zonesByCountry[countryId] ?? []).map(([zoneId, zoneName, code]) => ({ zoneId, name: zoneName, code })),
    };
  });
}

const category = (categoryId: number, parentId: number, name: string, keyword: string, top = false, sortOrder = 0): DemoCategory =>
  ({ categoryId, parentId, name, top, sortOrder, keyword });

/** The reference store: OpenCart 3.0.5.1 demo data plus the settings the contract corpus describes. */
export const demoCatalog: DemoCatalogData = {
  settings: {
    name: 'Your Store', owner: 'Your Name', address: 'Address 1', email: 'demo@example.com', telephone: '123456789',
    open: 'Monday - Friday: 09:00 - 18:00\r\nSaturday: 10:00 - 16:00\r\nSunday: closed', // as the corpus' contact.html
    countryId: 222, zoneId: 3563, language: 'en-gb', currency: 'USD', customerGroupId: 1, taxDisplay: true,
    taxDefault: 'shipping', orderStatusId: 1, stockCheckout: false, stockDisplay: false, stockWarning: false,
    errorDisplay: true, productLimit: 15, descriptionLength: 100,
  },
  languages: [{ code: 'en-gb', name: 'English' }],
  currencies: [
    { code: 'EUR', title: 'Euro', symbolLeft: '', symbolRight: '€', decimalPlace: 2, value: 0.7846 },
    { code: 'GBP', title: 'Pound Sterling', symbolLeft: '£', symbolRight: '', decimalPlace: 2, value: 0.6125 },
    { code: 'USD', title: 'US Dollar', symbolLeft: '$', symbolRight: '', decimalPlace: 2, value: 1 },
  ],
  categories: [
    category(20, 0, 'Desktops', 'desktops', true, 1), category(26, 20, 'PC', 'pc'), category(27, 20, 'Mac', 'mac'),
    category(18, 0, 'Laptops & Notebooks', 'laptop-notebook', true, 2), category(46, 18, 'Macs', 'macs'),
    category(45, 18, 'Windows', 'windows'),
    category(25, 0, 'Components', 'component', true, 3), category(29, 25, 'Mice and Trackballs', 'mouse'),
    category(28, 25, 'Monitors', 'monitor'), category(30, 25, 'Printers', 'printer'), category(31, 25, 'Scanners', 'scanner'),
    category(32, 25, 'Web Cameras', 'web-camera'),
    category(57, 0, 'Tablets', 'tablet', true, 4), category(17, 0, 'Software', 'software', true, 5),
    category(24, 0, 'Phones & PDAs', 'smartphone', true, 6), category(33, 0, 'Cameras', 'camera', true, 7),
    category(34, 0, 'MP3 Players', 'mp3-players', true, 8),
  ],
  products: demoProducts,
  countries: buildCountries(),
  geoZones: [
    { geoZoneId: 3, name: 'UK VAT Zone', members: [{ countryId: 222, zoneId: 0 }] },
    { geoZoneId: 4, name: 'UK Shipping', members: [{ countryId: 222, zoneId: 0 }] },
  ],
  taxRates: [
    { taxRateId: 86, geoZoneId: 3, name: 'VAT (20%)', rate: 20, type: 'P' },
    { taxRateId: 87, geoZoneId: 3, name: 'Eco Tax (-2.00)', rate: 2, type: 'F' },
  ],
  taxRules: [
    // Listed eco tax first: the reference store's totals show "Eco Tax (-2.00)" before "VAT (20%)".
    { taxClassId: 9, taxRateId: 87, based: 'shipping', priority: 2 },
    { taxClassId: 9, taxRateId: 86, based: 'shipping', priority: 1 },
    { taxClassId: 10, taxRateId: 86, based: 'payment', priority: 1 },
    { taxClassId: 10, taxRateId: 87, based: 'store', priority: 0 },
  ],
  shippingMethods: [
    { code: 'flat', title: 'Flat Rate', sortOrder: 1, cost: 5, taxClassId: 9, geoZoneId: 0 },
    { code: 'free', title: 'Free Shipping', sortOrder: 2, cost: 500, taxClassId: 0, geoZoneId: 0 },
    { code: 'pickup', title: 'Pickup', sortOrder: 3, cost: 0, taxClassId: 0, geoZoneId: 0 },
  ],
  paymentMethods: [
    { code: 'free_checkout', title: 'Free Checkout', sortOrder: 1, terms: '', orderStatusId: 1 },
    { code: 'bank_transfer', title: 'Bank Transfer', sortOrder: 2, terms: '', orderStatusId: 1 },
    { code: 'cod', title: 'Cash On Delivery', sortOrder: 5, terms: '', orderStatusId: 1 },
  ],
  coupons: [
    { couponId: 4, code: '2222', name: '-10% Discount', type: 'P', discount: 10, total: 0, shipping: false, logged: false,
      dateStart: '2024-01-01', dateEnd: '2030-12-31', usesTotal: 10, usesCustomer: 10, status: true, productIds: [] },
    { couponId: 5, code: '3333', name: 'Free Shipping', type: 'P', discount: 0, total: 100, shipping: true, logged: false,
      dateStart: '2024-01-01', dateEnd: '2030-12-31', usesTotal: 10, usesCustomer: 10, status: true, productIds: [] },
    { couponId: 6, code: '1111', name: '-10.00 Discount', type: 'F', discount: 10, total: 10, shipping: false, logged: false,
      dateStart: '2024-01-01', dateEnd: '2030-12-31', usesTotal: 100000, usesCustomer: 10000, status: true, productIds: [] },
    { couponId: 7, code: 'EXPIRED1', name: 'Expired', type: 'P', discount: 10, total: 0, shipping: false, logged: false,
      dateStart: '2019-01-01', dateEnd: '2020-01-01', usesTotal: 10, usesCustomer: 10, status: true, productIds: [] },
  ],
  vouchers: [
    { voucherId: 1, code: 'GIFT100', fromName: 'Shop', toName: 'Customer', amount: 100, status: true },
    { voucherId: 2, code: 'GIFTOFF', fromName: 'Shop', toName: 'Customer', amount: 50, status: false },
  ],
  voucherThemes: [
    { voucherThemeId: 6, name: 'Christmas' }, { voucherThemeId: 7, name: 'Birthday' }, { voucherThemeId: 8, name: 'General' },
  ],
  customerGroups: [
    { customerGroupId: 1, name: 'Default', displayed: true },
    { customerGroupId: 2, name: 'Wholesale', displayed: true },
    { customerGroupId: 3, name: 'Hidden', displayed: false },
  ],
  customers: [
    { customerId: 1, customerGroupId: 1, firstname: 'Rita', lastname: 'Rewards', email: 'rita@example.com',
      telephone: '+44 20 7946 0000', status: true, rewardPoints: 500 },
    { customerId: 2, customerGroupId: 1, firstname: 'Dora', lastname: 'Disabled', email: 'dora@example.com',
      telephone: '+44 20 7946 0001', status: false, rewardPoints: 0 },
  ],
  apiUsers: [
    { apiId: 1, username: 'Default', key: null, status: true },
    { apiId: 2, username: 'Disabled', key: 'disabled-user-demo-key', status: false },
  ],
  // The 14 of a fresh OpenCart 3 install (install/opencart.sql, language 1); 4 and 6 are not used.
  orderStatuses: [
    { orderStatusId: 1, name: 'Pending' },
    { orderStatusId: 2, name: 'Processing' },
    { orderStatusId: 3, name: 'Shipped' },
    { orderStatusId: 5, name: 'Complete' },
    { orderStatusId: 7, name: 'Canceled' },
    { orderStatusId: 8, name: 'Denied' },
    { orderStatusId: 9, name: 'Canceled Reversal' },
    { orderStatusId: 10, name: 'Failed' },
    { orderStatusId: 11, name: 'Refunded' },
    { orderStatusId: 12, name: 'Reversed' },
    { orderStatusId: 13, name: 'Chargeback' },
    { orderStatusId: 14, name: 'Expired' },
    { orderStatusId: 15, name: 'Processed' },
    { orderStatusId: 16, name: 'Voided' },
  ],
};
