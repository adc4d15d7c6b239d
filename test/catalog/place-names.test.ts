import { resolveZoneText } from '../../src/catalog/geo/countries';
import type { Country } from '../../src/catalog/types';
import { zonesByCountry } from '../../src/demo-store/seed-zones';
import { cityOfRegionPart } from '../../src/catalog/geo/place-aliases';

/** Countries with the zones as the reference store lists them (OpenCart's own spellings: "Kalinigrad"). */
function country(countryId: number, isoCode2: string): Country {
  const zones = zonesByCountry[countryId].map(([zoneId, name, code]) => ({ zoneId, name, code }));
  return { countryId, name: isoCode2, isoCode2, isoCode3: '', postcodeRequired: true, zones };
}
const RUSSIA = country(176, 'RU');
const GERMANY = country(81, 'DE');
const UK = country(222, 'GB');

const zoneName = (text: string, of: Country) => {
  const found = resolveZoneText(text, of);
  return found.kind === 'found' ? found.value.name : found.kind;
};

describe('regions typed in the customer language or script', () => {
  it.each([
    ['Москва', 'Moscow'], ['москва', 'Moscow'], ['Moskva', 'Moscow'], ['Moskau', 'Moscow'], ['Моксва', 'Moscow'], ['Московская область', 'Moscow'],
    ['Калининград', 'Kalinigrad'], ['Kaliningrad', 'Kalinigrad'], ['Калининградская область', 'Kalinigrad'], ['Калининградская', 'Kalinigrad'],
    ['Санкт-Петербург', 'St. Petersburg'], ['Saint Petersburg', 'St. Petersburg'], ['Питер', 'St. Petersburg'],
    ['Нижний Новгород', 'Nizhniy Novgorod'], ['Екатеринбург', 'Yekaterinburg'], ['Ульяновск', "Ul'yanovsk"],
  ])('Russia: %s => %s', (text, zone) => {
    expect(zoneName(text, RUSSIA)).toBe(zone);
  });

  it.each([
    ['Bavaria', 'Bayern'], ['bavraia', 'Bayern'], ['Бавария', 'Bayern'], ['Munich', 'Bayern'], ['München', 'Bayern'], ['Muenchen', 'Bayern'],
    ['Мюнхен', 'Bayern'], ['Thueringen', 'Thüringen'], ['Thuringia', 'Thüringen'], ['North Rhine-Westphalia', 'Nordrhein-Westfalen'],
    ['Cologne', 'Nordrhein-Westfalen'], ['Baden-Wurttemberg', 'Baden-Württemberg'], ['Lower Saxony', 'Niedersachsen'],
  ])('Germany: %s => %s', (text, zone) => {
    expect(zoneName(text, GERMANY)).toBe(zone);
  });

  it('London and Лондон are Greater London', () => {
    expect(zoneName('London', UK)).toBe('Greater London');
    expect(zoneName('Лондон', UK)).toBe('Greater London');
  });

  it('works both ways: a store that names the region "Bavaria" finds "Bayern"', () => {
    const english: Country = { ...GERMANY, zones: [{ zoneId: 1, name: 'Bavaria', code: 'BY' }, { zoneId: 2, name: 'Hesse', code: 'HE' }] };
    expect(zoneName('Bayern', english)).toBe('Bavaria');
    expect(zoneName('Hessen', english)).toBe('Hesse');
    expect(zoneName('Frankfurt', english)).toBe('Hesse');
  });

  it('names of nowhere stay unknown', () => {
    expect(zoneName('Мордор', RUSSIA)).toBe('none');
    expect(zoneName('Gondor', GERMANY)).toBe('none');
  });
});

describe('a region named by its city keeps the city', () => {
  it.each([
    ['London', 'London'], [' london ', 'london'], ['München', 'München'], ['Москва', 'Москва'], ['Berlin', 'Berlin'],
    ['California', null], ['Bavaria', null], ['Greater London', null], ['x'.repeat(500), null],
  ])('%s => %s', (part, city) => {
    expect(cityOfRegionPart(part)).toBe(city);
  });
});
