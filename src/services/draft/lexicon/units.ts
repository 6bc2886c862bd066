/**
 * Units as articles write them, and the unit a draft gives them (the spellings of
 * services/provenance/units.ts where it knows the dimension, so drafted figures compare).
 * A count's unit is the thing counted: nouns for people all count `persons`.
 */

/** Currency symbols before a figure. */
export const CURRENCY_SYMBOLS: [string, string][] = [
  ['US$', 'USD'], ['A$', 'AUD'], ['C$', 'CAD'], ['NZ$', 'NZD'], ['HK$', 'HKD'], ['$', 'USD'], ['£', 'GBP'], ['€', 'EUR'], ['¥', 'JPY'], ['₹', 'INR'], ['₽', 'RUB'], ['₴', 'UAH'],
];

/** Currency words or codes after a figure. */
export const CURRENCY_WORDS: [string, string][] = [
  ['us dollars', 'USD'], ['dollars', 'USD'], ['dollar', 'USD'], ['usd', 'USD'], ['pounds sterling', 'GBP'], ['pounds', 'GBP'], ['pound', 'GBP'], ['gbp', 'GBP'], ['sterling', 'GBP'],
  ['euros', 'EUR'], ['euro', 'EUR'], ['eur', 'EUR'], ['yen', 'JPY'], ['jpy', 'JPY'], ['yuan', 'CNY'], ['renminbi', 'CNY'], ['cny', 'CNY'], ['rupees', 'INR'], ['inr', 'INR'],
  ['roubles', 'RUB'], ['rubles', 'RUB'], ['hryvnias', 'UAH'], ['hryvnia', 'UAH'], ['francs', 'CHF'], ['chf', 'CHF'], ['aud', 'AUD'], ['cad', 'CAD'],
];

/** Measurement units after a figure (longest first when matched), and the unit drafted. */
export const MEASUREMENT_UNITS: [string, string][] = [
  ['percentage points', 'percentage points'], ['percentage point', 'percentage points'], ['pp', 'percentage points'], ['points', 'points'],
  ['per cent', 'percent'], ['percent', 'percent'], ['pc', 'percent'], ['%', 'percent'],
  ['square kilometres', 'km2'], ['square kilometers', 'km2'], ['sq km', 'km2'], ['sqkm', 'km2'], ['km2', 'km2'], ['km²', 'km2'],
  ['square miles', 'sq mi'], ['square mile', 'sq mi'], ['sq mi', 'sq mi'], ['square metres', 'm2'], ['square meters', 'm2'], ['m2', 'm2'], ['m²', 'm2'],
  ['hectares', 'ha'], ['hectare', 'ha'], ['ha', 'ha'], ['acres', 'acres'], ['acre', 'acres'],
  ['kilometres', 'km'], ['kilometers', 'km'], ['km', 'km'], ['miles', 'mi'], ['mile', 'mi'], ['metres', 'm'], ['meters', 'm'], ['metre', 'm'], ['meter', 'm'],
  ['centimetres', 'cm'], ['centimeters', 'cm'], ['cm', 'cm'], ['millimetres', 'mm'], ['millimeters', 'mm'], ['mm', 'mm'], ['feet', 'ft'], ['ft', 'ft'], ['inches', 'in'],
  ['tonnes', 'tonnes'], ['tonne', 'tonnes'], ['tons', 'tonnes'], ['ton', 'tonnes'], ['kilograms', 'kg'], ['kilogrammes', 'kg'], ['kg', 'kg'], ['grams', 'g'],
  ['degrees celsius', 'degrees C'], ['degrees fahrenheit', 'degrees F'], ['°c', 'degrees C'], ['°f', 'degrees F'], ['degrees c', 'degrees C'], ['degrees', 'degrees C'], ['c', 'degrees C'], ['f', 'degrees F'],
  ['gigawatts', 'GW'], ['gw', 'GW'], ['megawatts', 'MW'], ['mw', 'MW'], ['terawatt hours', 'TWh'], ['twh', 'TWh'], ['gigawatt hours', 'GWh'], ['gwh', 'GWh'], ['kwh', 'kWh'],
  ['mph', 'mph'], ['km/h', 'km/h'], ['kph', 'km/h'], ['ppm', 'ppm'], ['litres', 'litres'], ['liters', 'litres'], ['barrels', 'barrels'],
  ['years', 'years'], ['year', 'years'], ['months', 'months'], ['month', 'months'], ['weeks', 'weeks'], ['week', 'weeks'], ['days', 'days'], ['day', 'days'],
  ['hours', 'hours'], ['hour', 'hours'], ['minutes', 'minutes'], ['minute', 'minutes'], ['seconds', 'seconds'], ['second', 'seconds'],
];

/** Units whose figures measure a size or a level (aggregation NONE) rather than a count over time. */
export const LEVEL_UNITS = new Set(['km2', 'sq mi', 'm2', 'km', 'mi', 'm', 'cm', 'mm', 'ft', 'in', 'degrees C', 'degrees F', 'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'mph', 'km/h', 'ppm', 'points', 'percentage points', 'GW', 'MW']);

/** Nouns that count people: their figures are in `persons`. */
export const PEOPLE_NOUNS = new Set(
  ('people persons person individuals residents citizens inhabitants voters electors adults children kids babies infants teenagers students pupils ' +
    'workers employees staff officers officials soldiers troops servicemen personnel fighters recruits conscripts mercenaries prisoners pows captives detainees hostages refugees migrants asylum-seekers ' +
    'patients cases deaths dead fatalities casualties victims survivors injured wounded killed infections hospitalisations hospitalizations admissions ' +
    'men women boys girls members fans spectators supporters attendees visitors tourists passengers travellers travelers drivers pedestrians ' +
    'doctors nurses teachers scientists researchers players athletes runners households families customers users subscribers viewers listeners readers ' +
    'surrenders arrests evacuations deportations births admissions arrivals departures enrolments enrollments applications applicants claimants recipients beneficiaries ' +
    'russians ukrainians americans britons chinese indians europeans nationals civilians').split(/\s+/),
);

/** Nouns that name no counted thing of their own ("a rise of 3%"): the unit is taken from elsewhere. */
export const NOT_UNIT_NOUNS = new Set('rise fall increase decrease drop jump gain loss growth decline cut surge share rate level total number figure amount average majority percent time times record'.split(' '));
