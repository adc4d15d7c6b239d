import { foldText } from '../query/fold';

/**
 * Other names of regions, as customers type them: the English, German and Russian names, the old or short ones,
 * and the big cities that name their region (Munich => Bayern). One group per region; a store's zone whose name is
 * in a group is found by every name of it, whichever of them the store uses ("Bayern" or "Bavaria"). OpenCart's own
 * spellings are in the groups too ("Kalinigrad").
 */
const GROUPS: readonly string[] = [
  // Russian Federation
  'Moscow|Москва|Moskva|Moskau|Moscou|Московская область|Московская|Moscow Oblast|Подмосковье|Мск',
  'St. Petersburg|Saint Petersburg|Sankt Peterburg|Sankt Petersburg|Санкт-Петербург|Петербург|Питер|СПб|Leningrad|Ленинград|Ленинградская область',
  'Kalinigrad|Kaliningrad|Калининград|Калининградская область|Калининградская|Königsberg|Кёнигсберг',
  'Nizhniy Novgorod|Nizhny Novgorod|Нижний Новгород|Нижегородская область',
  'Rostov-na-Donu|Rostov-on-Don|Ростов-на-Дону|Ростовская область',
  'Yekaterinburg|Ekaterinburg|Jekaterinburg|Екатеринбург|Свердловская область',
  'Kasnodar|Krasnodar|Краснодар|Краснодарский край',
  // Germany
  'Bayern|Bavaria|Бавария|Freistaat Bayern|Munich|München|Мюнхен|Nuremberg|Nürnberg|Нюрнберг',
  'Hessen|Hesse|Гессен|Frankfurt|Frankfurt am Main|Франкфурт',
  'Niedersachsen|Lower Saxony|Нижняя Саксония|Hannover|Hanover|Ганновер',
  'Nordrhein-Westfalen|North Rhine-Westphalia|Северный Рейн-Вестфалия|NRW|Köln|Cologne|Кёльн|Düsseldorf|Дюссельдорф|Dortmund|Дортмунд',
  'Rheinland-Pfalz|Rhineland-Palatinate|Рейнланд-Пфальц',
  'Sachsen|Saxony|Саксония|Freistaat Sachsen|Dresden|Дрезден|Leipzig|Лейпциг',
  'Sachsen-Anhalt|Saxony-Anhalt|Саксония-Анхальт',
  'Thüringen|Thuringia|Тюрингия',
  'Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania|Мекленбург-Передняя Померания',
  'Baden-Württemberg|Baden-Wurttemberg|Баден-Вюртемберг|Stuttgart|Штутгарт',
  'Berlin|Берлин',
  'Hamburg|Гамбург',
  'Bremen|Бремен',
  'Brandenburg|Бранденбург',
  'Saarland|Саар|Саарланд',
  'Schleswig-Holstein|Шлезвиг-Гольштейн',
  // United Kingdom, United States
  'Greater London|London|Лондон',
  'California|Калифорния|Kalifornien',
  'New York|Нью-Йорк',
  'Texas|Техас',
  'Florida|Флорида',
];

let byName: Map<string, string[]> | null = null;

/** The other folded names of a region, by its folded name ([] when it has none). */
export function placeAliases(foldedName: string): readonly string[] {
  if (!byName) {
    byName = new Map();
    for (const group of GROUPS) {
      const names = group.split('|').map(foldText);
      for (const name of names) byName.set(name, names.filter((other) => other !== name));
    }
  }
  return byName.get(foldedName) ?? [];
}

/** Cities customers name for their region; also the regions that are one city (Berlin, Moscow, OpenCart's Russian zones). */
const CITIES: readonly string[] = [
  'London|Лондон|Munich|München|Muenchen|Мюнхен|Nuremberg|Nürnberg|Нюрнберг|Frankfurt|Frankfurt am Main|Франкфурт',
  'Hannover|Hanover|Ганновер|Köln|Cologne|Кёльн|Düsseldorf|Дюссельдорф|Dortmund|Дортмунд|Dresden|Дрезден|Leipzig|Лейпциг',
  'Stuttgart|Штутгарт|Berlin|Берлин|Hamburg|Гамбург|Bremen|Бремен',
  'Moscow|Москва|Moskva|Moskau|St. Petersburg|Saint Petersburg|Sankt Peterburg|Санкт-Петербург|Петербург|Питер',
  'Kaliningrad|Калининград|Kalinigrad|Nizhniy Novgorod|Nizhny Novgorod|Нижний Новгород|Yekaterinburg|Ekaterinburg|Екатеринбург',
];

let cityNames: Set<string> | null = null;

/**
 * The city an answer's part names when it named the region through a city ("London, UK" => London, with the zone
 * Greater London; "München, Deutschland" => München, with Bayern), or null when the part is the region's own name
 * ("California, USA", "Bavaria"). For the address questions: such a part is kept as the city, not asked again.
 */
export function cityOfRegionPart(part: string): string | null {
  if (part.length > 100) return null;
  cityNames ??= new Set(CITIES.flatMap((list) => list.split('|')).map(foldText));
  const trimmed = part.replace(/\s+/gu, ' ').trim();
  return cityNames.has(foldText(trimmed)) ? trimmed : null;
}
