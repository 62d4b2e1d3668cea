/**
 * The continent of a country (ISO 3166-1 alpha-2) and of a point (through the nearest city of the
 * gazetteer): the "region" an attack comes from and is absorbed in. Russia counts as Europe,
 * Turkey, Cyprus and the Caucasus as Asia, Central America and the Caribbean as North America,
 * Oceania includes the Pacific islands.
 */
import type { GeoPoint } from '../../engine/types';
import { nearestCity } from './lookup';

export type Continent = 'Africa' | 'Asia' | 'Europe' | 'North America' | 'South America' | 'Oceania';

const members: Readonly<Record<Continent, string>> = {
  Africa:
    'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW',
  Asia: 'AE AF AM AZ BD BH BN BT CN CY GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE',
  Europe:
    'AL AT BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LT LU LV MD ME MK MT NL NO PL PT RO RS RU SE SI SK UA',
  'North America':
    'AG AI AW BB BM BQ BS BZ CA CR CU DM DO GD GL GP GT HN HT JM KN KY LC MQ MS MX NI PA PM PR SV TC TT US VC VG VI',
  'South America': 'AR BO BR CL CO EC FK GF GY PE PY SR UY VE',
  Oceania: 'AS AU CC CK CX FJ FM GU KI MH MP NC NF NR NU NZ PF PG PW SB TO TV VU WF WS',
};

const byCountry: ReadonlyMap<string, Continent> = new Map(
  (Object.keys(members) as Continent[]).flatMap((c) => members[c].split(' ').map((code) => [code, c] as const)),
);

/** The continent of an ISO country code; undefined for a code the table does not hold. */
export function continentOfCountry(country: string): Continent | undefined {
  return byCountry.get(country.toUpperCase());
}

/** The continent of the gazetteer city nearest to `point`. */
export function continentOf(point: GeoPoint): Continent | undefined {
  const country = nearestCity(point)?.city.country;
  return country === undefined ? undefined : continentOfCountry(country);
}
