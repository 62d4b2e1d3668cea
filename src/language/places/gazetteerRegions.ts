/**
 * Names the datasets do not carry: cloud and CDN region names, IATA metropolitan-area codes, and
 * short country names. A hand-kept table is right here, unlike for cities and airports: these
 * names are each provider's own convention (no dataset package publishes them), the list is short
 * and changes only when a provider opens a region, and it stores no coordinates: every entry
 * names an anchor (an IATA code or a city) that is looked up in the generated data, so positions
 * still come from GeoNames and OpenFlights.
 */

export type RegionProvider = 'generic' | 'aws' | 'gcp' | 'azure';

export interface RegionEntry {
  /** The region's own spelling, e.g. 'us-east-1', 'US-East', 'westeurope'. */
  readonly name: string;
  readonly provider: RegionProvider;
  /** Where the provider says the region is, for hover text. */
  readonly area: string;
  /** IATA code or city name of the gazetteer entry that places the region on the map. */
  readonly anchor: string;
}

const r = (provider: RegionProvider, name: string, area: string, anchor: string): RegionEntry => ({
  name,
  provider,
  area,
  anchor,
});

/**
 * Generic names as operators write them. Anchors are the interconnection hubs such a region
 * usually means: US-East is Ashburn (IAD), the densest data-centre market on the east coast;
 * EU-West is London, Asia-Pacific is Tokyo, LATAM is São Paulo.
 */
const GENERIC: readonly RegionEntry[] = [
  r('generic', 'US-East', 'US east coast (Ashburn, Virginia)', 'IAD'),
  r('generic', 'US-West', 'US west coast (Silicon Valley)', 'SJC'),
  r('generic', 'US-Central', 'central US (Chicago)', 'ORD'),
  r('generic', 'US-South', 'southern US (Dallas)', 'DFW'),
  r('generic', 'NA-East', 'North America east (Ashburn, Virginia)', 'IAD'),
  r('generic', 'NA-West', 'North America west (Silicon Valley)', 'SJC'),
  r('generic', 'NA-Central', 'North America central (Chicago)', 'ORD'),
  r('generic', 'North America', 'North America (Chicago)', 'ORD'),
  r('generic', 'Northern Virginia', 'Northern Virginia (Ashburn)', 'IAD'),
  r('generic', 'NoVA', 'Northern Virginia (Ashburn)', 'IAD'),
  r('generic', 'Silicon Valley', 'Silicon Valley (San Jose)', 'SJC'),
  r('generic', 'Bay Area', 'San Francisco Bay Area', 'SFO'),
  r('generic', 'EU-West', 'western Europe (London)', 'London'),
  r('generic', 'EU-Central', 'central Europe (Frankfurt)', 'FRA'),
  r('generic', 'EU-North', 'northern Europe (Stockholm)', 'ARN'),
  r('generic', 'EU-South', 'southern Europe (Milan)', 'MXP'),
  r('generic', 'EU-East', 'eastern Europe (Warsaw)', 'WAW'),
  r('generic', 'Europe', 'Europe (Frankfurt)', 'FRA'),
  r('generic', 'EMEA', 'Europe, Middle East and Africa (Frankfurt)', 'FRA'),
  r('generic', 'Asia-Pacific', 'Asia-Pacific (Tokyo)', 'Tokyo'),
  r('generic', 'APAC', 'Asia-Pacific (Tokyo)', 'Tokyo'),
  r('generic', 'Asia', 'Asia (Tokyo)', 'Tokyo'),
  r('generic', 'Asia-East', 'east Asia (Hong Kong)', 'HKG'),
  r('generic', 'Asia-Northeast', 'northeast Asia (Tokyo)', 'Tokyo'),
  r('generic', 'Asia-Southeast', 'southeast Asia (Singapore)', 'SIN'),
  r('generic', 'Asia-South', 'south Asia (Mumbai)', 'BOM'),
  r('generic', 'LATAM', 'Latin America (São Paulo)', 'GRU'),
  r('generic', 'Latin America', 'Latin America (São Paulo)', 'GRU'),
  r('generic', 'South America', 'South America (São Paulo)', 'GRU'),
  r('generic', 'Oceania', 'Oceania (Sydney)', 'SYD'),
  r('generic', 'ANZ', 'Australia and New Zealand (Sydney)', 'SYD'),
  r('generic', 'Africa', 'Africa (Johannesburg)', 'JNB'),
  r('generic', 'Middle East', 'Middle East (Dubai)', 'DXB'),
  r('generic', 'MENA', 'Middle East and North Africa (Dubai)', 'DXB'),
];

const AWS: readonly RegionEntry[] = [
  r('aws', 'us-east-1', 'US East (N. Virginia)', 'IAD'),
  r('aws', 'us-east-2', 'US East (Ohio)', 'CMH'),
  r('aws', 'us-west-1', 'US West (N. California)', 'SJC'),
  r('aws', 'us-west-2', 'US West (Oregon)', 'PDX'),
  r('aws', 'us-gov-east-1', 'GovCloud (US-East, Ohio)', 'CMH'),
  r('aws', 'us-gov-west-1', 'GovCloud (US-West, Oregon)', 'PDX'),
  r('aws', 'ca-central-1', 'Canada (Central, Montreal)', 'YUL'),
  r('aws', 'ca-west-1', 'Canada West (Calgary)', 'YYC'),
  r('aws', 'mx-central-1', 'Mexico (Central, Querétaro)', 'QRO'),
  r('aws', 'sa-east-1', 'South America (São Paulo)', 'GRU'),
  r('aws', 'eu-west-1', 'Europe (Ireland)', 'DUB'),
  r('aws', 'eu-west-2', 'Europe (London)', 'LHR'),
  r('aws', 'eu-west-3', 'Europe (Paris)', 'CDG'),
  r('aws', 'eu-central-1', 'Europe (Frankfurt)', 'FRA'),
  r('aws', 'eu-central-2', 'Europe (Zurich)', 'ZRH'),
  r('aws', 'eu-south-1', 'Europe (Milan)', 'MXP'),
  r('aws', 'eu-south-2', 'Europe (Spain, Aragón)', 'Zaragoza'),
  r('aws', 'eu-north-1', 'Europe (Stockholm)', 'ARN'),
  r('aws', 'il-central-1', 'Israel (Tel Aviv)', 'TLV'),
  r('aws', 'me-south-1', 'Middle East (Bahrain)', 'BAH'),
  r('aws', 'me-central-1', 'Middle East (UAE)', 'DXB'),
  r('aws', 'af-south-1', 'Africa (Cape Town)', 'CPT'),
  r('aws', 'ap-east-1', 'Asia Pacific (Hong Kong)', 'HKG'),
  r('aws', 'ap-east-2', 'Asia Pacific (Taipei)', 'TPE'),
  r('aws', 'ap-south-1', 'Asia Pacific (Mumbai)', 'BOM'),
  r('aws', 'ap-south-2', 'Asia Pacific (Hyderabad)', 'HYD'),
  r('aws', 'ap-southeast-1', 'Asia Pacific (Singapore)', 'SIN'),
  r('aws', 'ap-southeast-2', 'Asia Pacific (Sydney)', 'SYD'),
  r('aws', 'ap-southeast-3', 'Asia Pacific (Jakarta)', 'CGK'),
  r('aws', 'ap-southeast-4', 'Asia Pacific (Melbourne)', 'MEL'),
  r('aws', 'ap-southeast-5', 'Asia Pacific (Malaysia)', 'KUL'),
  r('aws', 'ap-southeast-7', 'Asia Pacific (Thailand)', 'BKK'),
  r('aws', 'ap-northeast-1', 'Asia Pacific (Tokyo)', 'Tokyo'),
  r('aws', 'ap-northeast-2', 'Asia Pacific (Seoul)', 'ICN'),
  r('aws', 'ap-northeast-3', 'Asia Pacific (Osaka)', 'KIX'),
];

const GCP: readonly RegionEntry[] = [
  r('gcp', 'us-central1', 'Council Bluffs, Iowa', 'OMA'),
  r('gcp', 'us-east1', 'Moncks Corner, South Carolina', 'CHS'),
  r('gcp', 'us-east4', 'Ashburn, Virginia', 'IAD'),
  r('gcp', 'us-east5', 'Columbus, Ohio', 'CMH'),
  r('gcp', 'us-south1', 'Dallas, Texas', 'DFW'),
  r('gcp', 'us-west1', 'The Dalles, Oregon', 'PDX'),
  r('gcp', 'us-west2', 'Los Angeles, California', 'LAX'),
  r('gcp', 'us-west3', 'Salt Lake City, Utah', 'SLC'),
  r('gcp', 'us-west4', 'Las Vegas, Nevada', 'LAS'),
  r('gcp', 'northamerica-northeast1', 'Montréal, Québec', 'YUL'),
  r('gcp', 'northamerica-northeast2', 'Toronto, Ontario', 'YYZ'),
  r('gcp', 'northamerica-south1', 'Querétaro, Mexico', 'QRO'),
  r('gcp', 'southamerica-east1', 'Osasco, São Paulo', 'GRU'),
  r('gcp', 'southamerica-west1', 'Santiago, Chile', 'SCL'),
  r('gcp', 'europe-west1', 'St. Ghislain, Belgium', 'CRL'),
  r('gcp', 'europe-west2', 'London, England', 'LHR'),
  r('gcp', 'europe-west3', 'Frankfurt, Germany', 'FRA'),
  r('gcp', 'europe-west4', 'Eemshaven, Netherlands', 'GRQ'),
  r('gcp', 'europe-west6', 'Zurich, Switzerland', 'ZRH'),
  r('gcp', 'europe-west8', 'Milan, Italy', 'MXP'),
  r('gcp', 'europe-west9', 'Paris, France', 'CDG'),
  r('gcp', 'europe-west10', 'Berlin, Germany', 'Berlin'),
  r('gcp', 'europe-west12', 'Turin, Italy', 'TRN'),
  r('gcp', 'europe-central2', 'Warsaw, Poland', 'WAW'),
  r('gcp', 'europe-north1', 'Hamina, Finland', 'HEL'),
  r('gcp', 'europe-north2', 'Stockholm, Sweden', 'ARN'),
  r('gcp', 'europe-southwest1', 'Madrid, Spain', 'MAD'),
  r('gcp', 'me-west1', 'Tel Aviv, Israel', 'TLV'),
  r('gcp', 'me-central1', 'Doha, Qatar', 'DOH'),
  r('gcp', 'me-central2', 'Dammam, Saudi Arabia', 'DMM'),
  r('gcp', 'africa-south1', 'Johannesburg, South Africa', 'JNB'),
  r('gcp', 'asia-east1', 'Changhua County, Taiwan', 'RMQ'),
  r('gcp', 'asia-east2', 'Hong Kong', 'HKG'),
  r('gcp', 'asia-northeast1', 'Tokyo, Japan', 'Tokyo'),
  r('gcp', 'asia-northeast2', 'Osaka, Japan', 'KIX'),
  r('gcp', 'asia-northeast3', 'Seoul, South Korea', 'ICN'),
  r('gcp', 'asia-south1', 'Mumbai, India', 'BOM'),
  r('gcp', 'asia-south2', 'Delhi, India', 'DEL'),
  r('gcp', 'asia-southeast1', 'Jurong West, Singapore', 'SIN'),
  r('gcp', 'asia-southeast2', 'Jakarta, Indonesia', 'CGK'),
  r('gcp', 'australia-southeast1', 'Sydney, Australia', 'SYD'),
  r('gcp', 'australia-southeast2', 'Melbourne, Australia', 'MEL'),
];

const AZURE: readonly RegionEntry[] = [
  r('azure', 'eastus', 'East US (Virginia)', 'RIC'),
  r('azure', 'eastus2', 'East US 2 (Virginia)', 'RIC'),
  r('azure', 'centralus', 'Central US (Iowa)', 'DSM'),
  r('azure', 'northcentralus', 'North Central US (Illinois)', 'ORD'),
  r('azure', 'southcentralus', 'South Central US (Texas)', 'SAT'),
  r('azure', 'westcentralus', 'West Central US (Wyoming)', 'CYS'),
  r('azure', 'westus', 'West US (California)', 'SJC'),
  r('azure', 'westus2', 'West US 2 (Washington)', 'MWH'),
  r('azure', 'westus3', 'West US 3 (Arizona)', 'PHX'),
  r('azure', 'canadacentral', 'Canada Central (Toronto)', 'YYZ'),
  r('azure', 'canadaeast', 'Canada East (Québec City)', 'YQB'),
  r('azure', 'mexicocentral', 'Mexico Central (Querétaro)', 'QRO'),
  r('azure', 'brazilsouth', 'Brazil South (São Paulo State)', 'VCP'),
  r('azure', 'northeurope', 'North Europe (Ireland)', 'DUB'),
  r('azure', 'westeurope', 'West Europe (Netherlands)', 'AMS'),
  r('azure', 'uksouth', 'UK South (London)', 'LHR'),
  r('azure', 'ukwest', 'UK West (Cardiff)', 'CWL'),
  r('azure', 'francecentral', 'France Central (Paris)', 'CDG'),
  r('azure', 'germanywestcentral', 'Germany West Central (Frankfurt)', 'FRA'),
  r('azure', 'switzerlandnorth', 'Switzerland North (Zurich)', 'ZRH'),
  r('azure', 'norwayeast', 'Norway East (Oslo)', 'OSL'),
  r('azure', 'swedencentral', 'Sweden Central (Gävle)', 'GVX'),
  r('azure', 'polandcentral', 'Poland Central (Warsaw)', 'WAW'),
  r('azure', 'italynorth', 'Italy North (Milan)', 'MXP'),
  r('azure', 'spaincentral', 'Spain Central (Madrid)', 'MAD'),
  r('azure', 'eastasia', 'East Asia (Hong Kong)', 'HKG'),
  r('azure', 'southeastasia', 'Southeast Asia (Singapore)', 'SIN'),
  r('azure', 'japaneast', 'Japan East (Tokyo)', 'Tokyo'),
  r('azure', 'japanwest', 'Japan West (Osaka)', 'KIX'),
  r('azure', 'koreacentral', 'Korea Central (Seoul)', 'ICN'),
  r('azure', 'centralindia', 'Central India (Pune)', 'PNQ'),
  r('azure', 'southindia', 'South India (Chennai)', 'MAA'),
  r('azure', 'westindia', 'West India (Mumbai)', 'BOM'),
  r('azure', 'australiaeast', 'Australia East (New South Wales)', 'SYD'),
  r('azure', 'australiasoutheast', 'Australia Southeast (Victoria)', 'MEL'),
  r('azure', 'uaenorth', 'UAE North (Dubai)', 'DXB'),
  r('azure', 'qatarcentral', 'Qatar Central (Doha)', 'DOH'),
  r('azure', 'israelcentral', 'Israel Central', 'TLV'),
  r('azure', 'southafricanorth', 'South Africa North (Johannesburg)', 'JNB'),
];

/** Every region name, generic first; the first entry wins when two fold to the same key. */
export const REGIONS: readonly RegionEntry[] = [...GENERIC, ...AWS, ...GCP, ...AZURE];

/**
 * IATA metropolitan-area codes (a city's airports together) and codes newer than the OpenFlights
 * snapshot (BER opened in 2020), each mapped to the city it stands for.
 */
export const METRO_CODES: Readonly<Record<string, string>> = {
  BER: 'Berlin',
  BJS: 'Beijing',
  BUE: 'Buenos Aires',
  BUH: 'Bucharest',
  CHI: 'Chicago',
  DTT: 'Detroit',
  JKT: 'Jakarta',
  LON: 'London',
  MIL: 'Milan',
  MOW: 'Moscow',
  NYC: 'New York City',
  OSA: 'Osaka',
  PAR: 'Paris',
  REK: 'Reykjavik',
  RIO: 'Rio de Janeiro',
  ROM: 'Rome',
  SAO: 'São Paulo',
  SEL: 'Seoul',
  SPK: 'Sapporo',
  STO: 'Stockholm',
  TYO: 'Tokyo',
  WAS: 'Washington, D.C.',
  YEA: 'Edmonton',
  YMQ: 'Montreal',
  YTO: 'Toronto',
};

/**
 * Three-letter words that are IATA codes but, on a network diagram, mean something else: a node
 * called `NTT` is the carrier, not Niuatoputapu airport; `POP` is a point of presence, not Puerto
 * Plata. Alone they are not read as airports; with a country (`POP, DO`) they are.
 */
export const NETWORK_TERMS: ReadonlySet<string> = new Set([
  'ASN',
  'CDN',
  'IXP',
  'ISP',
  'KPN',
  'NOC',
  'NTT',
  'PNI',
  'POP',
  'SDN',
  'TCP',
  'TTL',
  'USA',
  'VPN',
  'WAF',
]);

/**
 * Country names people write after a city ('London, UK') that are neither ISO codes nor the
 * names OpenFlights uses (those come from the data).
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  UK: 'GB',
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  'Northern Ireland': 'GB',
  'Great Britain': 'GB',
  USA: 'US',
  'United States of America': 'US',
  America: 'US',
  UAE: 'AE',
  Korea: 'KR',
  'Republic of Korea': 'KR',
  Czechia: 'CZ',
  Holland: 'NL',
  'The Netherlands': 'NL',
  'Russian Federation': 'RU',
  Türkiye: 'TR',
  Turkey: 'TR',
  Vietnam: 'VN',
  'Viet Nam': 'VN',
  'Hong Kong SAR': 'HK',
  'North Macedonia': 'MK',
  Eswatini: 'SZ',
  'Ivory Coast': 'CI',
};

/** US state names, for 'Ashburn, Virginia' (the data carries only the two-letter codes). */
export const US_STATES: Readonly<Record<string, string>> = {
  Alabama: 'AL',
  Alaska: 'AK',
  Arizona: 'AZ',
  Arkansas: 'AR',
  California: 'CA',
  Colorado: 'CO',
  Connecticut: 'CT',
  Delaware: 'DE',
  'District of Columbia': 'DC',
  Florida: 'FL',
  Georgia: 'GA',
  Hawaii: 'HI',
  Idaho: 'ID',
  Illinois: 'IL',
  Indiana: 'IN',
  Iowa: 'IA',
  Kansas: 'KS',
  Kentucky: 'KY',
  Louisiana: 'LA',
  Maine: 'ME',
  Maryland: 'MD',
  Massachusetts: 'MA',
  Michigan: 'MI',
  Minnesota: 'MN',
  Mississippi: 'MS',
  Missouri: 'MO',
  Montana: 'MT',
  Nebraska: 'NE',
  Nevada: 'NV',
  'New Hampshire': 'NH',
  'New Jersey': 'NJ',
  'New Mexico': 'NM',
  'New York': 'NY',
  'North Carolina': 'NC',
  'North Dakota': 'ND',
  Ohio: 'OH',
  Oklahoma: 'OK',
  Oregon: 'OR',
  Pennsylvania: 'PA',
  'Rhode Island': 'RI',
  'South Carolina': 'SC',
  'South Dakota': 'SD',
  Tennessee: 'TN',
  Texas: 'TX',
  Utah: 'UT',
  Vermont: 'VT',
  Virginia: 'VA',
  Washington: 'WA',
  'West Virginia': 'WV',
  Wisconsin: 'WI',
  Wyoming: 'WY',
};
