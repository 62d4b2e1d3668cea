import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  completeLocations,
  coordinatesProblem,
  greatCircleKm,
  lookupLocation,
  nearestCity,
  parseCoordinates,
  splitPairedName,
  suggestLocations,
  type Place,
} from '../../../src/language/places/gazetteer';
import { AIRPORTS, CITIES } from '../../../src/language/places/gazetteerData';
import {
  characterMask,
  editDistance,
  editDistanceLowerBound,
  foldLocationKey,
} from '../../../src/language/places/gazetteerKeys';
import { METRO_CODES, REGIONS } from '../../../src/language/places/gazetteerRegions';

function found(name: string): Place {
  const place = lookupLocation(name);
  assert.ok(place, `expected '${name}' to resolve`);
  return place;
}

function near(place: Place, lat: number, lon: number, km: number): void {
  const d = greatCircleKm(place.point, { lat, lon });
  assert.ok(d <= km, `${place.name} is ${d.toFixed(0)} km from (${lat}, ${lon}), more than ${km}`);
}

describe('IATA airport codes', () => {
  const airports: [string, string, number, number][] = [
    ['IAD', 'US', 38.94, -77.46],
    ['LHR', 'GB', 51.47, -0.46],
    ['NRT', 'JP', 35.76, 140.39],
    ['FRA', 'DE', 50.03, 8.57],
    ['SIN', 'SG', 1.35, 103.99],
    ['GRU', 'BR', -23.43, -46.47],
    ['SYD', 'AU', -33.95, 151.18],
    ['JNB', 'ZA', -26.14, 28.25],
  ];
  for (const [code, country, lat, lon] of airports) {
    it(`places ${code} at its airport in ${country}`, () => {
      const place = found(code);
      assert.equal(place.kind, 'airport');
      assert.equal(place.code, code);
      assert.equal(place.country, country);
      near(place, lat, lon, 5);
    });
  }

  it('names the airport in full, restoring what the generator shortened', () => {
    assert.equal(found('IAD').name, 'Washington Dulles International Airport');
    assert.equal(found('AMS').name, 'Amsterdam Airport Schiphol');
    assert.match(found('IAD').description, /^IAD: Washington Dulles International Airport, Washington, United States$/);
  });

  it('reads codes in upper or lower case', () => {
    assert.equal(found('iad').code, 'IAD');
    assert.equal(found(' lhr ').code, 'LHR');
  });

  it('does not read networking words as airports unless a country says so', () => {
    for (const word of ['NTT', 'POP', 'PoP', 'CDN', 'ISP', 'ASN', 'IXP', 'pop'])
      assert.equal(lookupLocation(word), undefined, word);
    assert.equal(found('POP, Dominican Republic').code, 'POP');
    assert.equal(found('NTT, TO').code, 'NTT');
  });

  it('knows airports by the names people say', () => {
    for (const [name, code] of [
      ['Heathrow', 'LHR'],
      ['London Heathrow', 'LHR'],
      ['Heathrow Airport', 'LHR'],
      ['Dulles', 'IAD'],
      ['Schiphol', 'AMS'],
      ['Haneda', 'HND'],
      ['Gatwick', 'LGW'],
      ['Charles de Gaulle', 'CDG'],
      ["O'Hare", 'ORD'],
      ['Changi', 'SIN'],
    ]) {
      assert.equal(found(name!).code, code, name);
    }
    assert.equal(suggestLocations('Heathorw')[0], 'Heathrow');
  });

  it('reads a code paired with a name, by the code', () => {
    assert.equal(found('Frankfurt (FRA)').code, 'FRA');
    assert.equal(found('IAD - Ashburn').code, 'IAD');
    assert.equal(found('London / LHR').code, 'LHR');
    assert.equal(found('Ashburn, VA (IAD)').code, 'IAD');
    assert.equal(found('Atlantis (London)').name, 'London');
    assert.equal(lookupLocation('Atlantis (Narnia)'), undefined);
  });

  it('reads site names numbered after an airport', () => {
    for (const site of ['IAD1', 'iad-2', 'IAD03', 'IAD89-C1']) assert.equal(found(site).code, 'IAD', site);
    assert.equal(lookupLocation('IADX'), undefined);
  });

  it('prefers the airport for three capitals even where a city has that name', () => {
    // 'Ufa' is both a Russian city and its airport's code; 'UFA' as a PoP name means the airport.
    assert.equal(found('UFA').kind, 'airport');
    assert.equal(found('Ufa').kind, 'city');
  });

  it('resolves metropolitan-area codes to their city', () => {
    for (const [code, lat, lon] of [
      ['NYC', 40.71, -74.01],
      ['LON', 51.51, -0.13],
      ['TYO', 35.69, 139.69],
      ['PAR', 48.85, 2.35],
    ] as const) {
      const place = found(code);
      assert.equal(place.kind, 'city');
      assert.equal(place.code, code);
      near(place, lat, lon, 10);
    }
  });

  it('keeps no metro code that shadows a real airport code, except codes newer than the data', () => {
    const codes = new Set(AIRPORTS.split('\n').map((line) => line.split('|')[0]));
    for (const code of Object.keys(METRO_CODES)) assert.ok(!codes.has(code), `${code} is an airport in the data`);
  });
});

describe('city names', () => {
  it('finds New York City for "New York"', () => {
    const place = found('New York');
    assert.equal(place.name, 'New York City');
    assert.equal(place.kind, 'city');
    near(place, 40.71, -74.01, 5);
  });

  it('takes the most populous city of a shared name', () => {
    assert.equal(found('London').country, 'GB');
    assert.equal(found('Paris').country, 'FR');
    near(found('Tokyo'), 35.69, 139.69, 5);
  });

  it('ignores diacritics, case and separators', () => {
    const withAccent = found('São Paulo');
    assert.equal(withAccent.country, 'BR');
    assert.deepEqual(found('Sao Paulo').point, withAccent.point);
    assert.deepEqual(found('sao_paulo').point, withAccent.point);
    assert.deepEqual(found('NEW-YORK').point, found('New York').point);
  });

  it('honours a trailing country or US state', () => {
    assert.equal(found('London, UK').country, 'GB');
    assert.equal(found('London, United Kingdom').country, 'GB');
    assert.equal(found('London, CA').country, 'CA');
    near(found('London, Canada'), 42.98, -81.23, 10);
    near(found('Portland, OR'), 45.52, -122.68, 10);
    near(found('Portland, Oregon'), 45.52, -122.68, 10);
    assert.equal(found('Ashburn, Virginia').name, 'Ashburn');
    assert.equal(found('Washington, DC').name, 'Washington, D.C.');
    assert.equal(found('Paris, France').country, 'FR');
    assert.equal(lookupLocation('London, Germany'), undefined);
  });

  it('knows the short city names the airport data uses', () => {
    // GeoNames says 'Frankfurt am Main'; OpenFlights' 'Frankfurt' is what people write.
    assert.equal(found('Frankfurt').name, 'Frankfurt am Main');
    assert.equal(found('Washington').name, 'Washington, D.C.');
  });

  it('ships towns by international airports, where data centres cluster', () => {
    const ashburn = found('Ashburn');
    assert.equal(ashburn.country, 'US');
    assert.ok(greatCircleKm(ashburn.point, found('IAD').point) < 20);
    assert.equal(found('Ashburn, VA').name, 'Ashburn');
  });

  it('places a town too small to ship at its airport', () => {
    const place = found('Goroka');
    assert.equal(place.kind, 'city');
    assert.equal(place.code, 'GKA');
  });

  it('ships the populous cities and every capital, most populous first', () => {
    const lines = CITIES.split('\n').filter((line) => line !== '');
    const populations = lines.map((line) => Number(line.split('|')[5]));
    assert.ok(lines.length > 3000, `${lines.length} cities`);
    assert.ok(populations.every((p, i) => i === 0 || p <= populations[i - 1]!));
    assert.ok(
      lines.some((line) => line.startsWith('Funafuti|TV|')),
      'a tiny capital is kept',
    );
  });
});

describe('regions', () => {
  it('places the seed diagram regions at their hubs', () => {
    const usEast = found('US-East');
    assert.equal(usEast.kind, 'region');
    assert.equal(usEast.anchor?.code, 'IAD');
    assert.deepEqual(found('EU-West').point, found('London').point);
    assert.deepEqual(found('Asia-Pacific').point, found('Tokyo').point);
  });

  it('reads cloud region names of AWS, Google Cloud and Azure', () => {
    assert.deepEqual(found('us-east-1').point, found('IAD').point);
    assert.deepEqual(found('eu-west-2').point, found('LHR').point);
    assert.deepEqual(found('ap-northeast-1').point, found('Tokyo').point);
    assert.deepEqual(found('us-central1').point, found('OMA').point);
    assert.deepEqual(found('europe-west1').point, found('CRL').point);
    assert.deepEqual(found('westeurope').point, found('AMS').point);
    assert.match(found('us-east-1').description, /^AWS region us-east-1: US East \(N\. Virginia\); placed at IAD/);
  });

  it('accepts any spelling of separators and case', () => {
    for (const spelling of ['us-east', 'US_EAST', 'US East', 'useast']) assert.equal(found(spelling).name, 'US-East');
    assert.equal(found('APAC').kind, 'region');
    assert.equal(found('EMEA').kind, 'region');
    assert.equal(found('LATAM').kind, 'region');
    assert.equal(found('West Europe').name, 'westeurope');
  });

  it('are all listed in docs/locations.md', () => {
    const doc = readFileSync(new URL('../../../docs/locations.md', import.meta.url), 'utf8');
    for (const region of REGIONS)
      assert.ok(doc.includes(`| \`${region.name}\` |`), `${region.name} is missing from docs/locations.md`);
  });

  it('anchors every region on a place the generated data has', () => {
    for (const region of REGIONS) {
      const place = lookupLocation(region.name);
      assert.ok(place, `${region.name} (anchor ${region.anchor}) does not resolve`);
      assert.equal(place.kind, 'region', `${region.name} resolves to a ${place.kind}`);
    }
  });
});

describe('coordinates', () => {
  it('reads decimal latitude,longitude in the usual spellings', () => {
    assert.deepEqual(parseCoordinates('40.7,-74.0'), { lat: 40.7, lon: -74 });
    assert.deepEqual(parseCoordinates(' 40.7 , -74.0 '), { lat: 40.7, lon: -74 });
    assert.deepEqual(parseCoordinates('40.7 -74.0'), { lat: 40.7, lon: -74 });
    assert.deepEqual(parseCoordinates('40.7N 74.0W'), { lat: 40.7, lon: -74 });
    assert.deepEqual(parseCoordinates('33.9°S, 151.2°E'), { lat: -33.9, lon: 151.2 });
  });

  it('always wins over names', () => {
    const place = found('51.5,-0.12');
    assert.equal(place.kind, 'coordinates');
    assert.deepEqual(place.point, { lat: 51.5, lon: -0.12 });
  });

  it('says which city coordinates are near', () => {
    assert.equal(found('40.7,-74.0').description, '40.7, -74, near New York City, US (2 km)');
    assert.match(found('0,0').description, /^0, 0, near .+ \([\d,]+ km\)$/);
    assert.equal(nearestCity({ lat: 51.5, lon: -0.12 })?.city.name, 'London');
  });

  it('finds the same nearest city as measuring every city', () => {
    const cities = CITIES.split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('|'))
      .map(([name, , , lat, lon]) => ({ name, point: { lat: Number(lat) / 1000, lon: Number(lon) / 1000 } }));
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (lat, lon) => {
          const near = nearestCity({ lat, lon });
          const best = Math.min(...cities.map((c) => greatCircleKm({ lat, lon }, c.point)));
          assert.ok(near && Math.abs(near.km - best) < 1e-6, `${lat},${lon}: ${near?.km} vs ${best}`);
        },
      ),
      { numRuns: 50, seed: 7 },
    );
  });

  it('says why coordinates out of range are rejected', () => {
    assert.equal(parseCoordinates('95,10'), undefined);
    assert.equal(lookupLocation('95,10'), undefined);
    assert.match(coordinatesProblem('95,10') ?? '', /latitude 95 is outside -90\.\.90/);
    assert.match(coordinatesProblem('10,190') ?? '', /longitude 190 is outside -180\.\.180/);
    assert.match(coordinatesProblem('74W 40N') ?? '', /latitude first/);
    assert.equal(coordinatesProblem('London'), undefined);
    assert.equal(coordinatesProblem('40.7,-74.0'), undefined);
  });
});

describe('distances', () => {
  it('measures New York to London as about 5,570 km', () => {
    const d = greatCircleKm(found('New York').point, found('London').point);
    assert.ok(Math.abs(d - 5570) <= 50, `${d}`);
  });

  it('measures New York to Tokyo as about 10,850 km', () => {
    const d = greatCircleKm(found('New York').point, found('Tokyo').point);
    assert.ok(Math.abs(d - 10850) <= 60, `${d}`);
  });

  it('is zero for a point and itself and symmetric', () => {
    const a = found('SYD').point;
    const b = found('JNB').point;
    assert.equal(greatCircleKm(a, a), 0);
    assert.equal(greatCircleKm(a, b), greatCircleKm(b, a));
  });
});

describe('did you mean', () => {
  it('suggests the close spelling first', () => {
    assert.equal(suggestLocations('Londn')[0], 'London');
    assert.equal(suggestLocations('Frankfrut')[0], 'Frankfurt');
    assert.equal(suggestLocations('IADD')[0], 'IAD');
    assert.equal(suggestLocations('Tokio')[0], 'Tokyo');
    assert.equal(suggestLocations('Sidney')[0], 'Sydney');
    assert.equal(suggestLocations('Asia Pacfic')[0], 'Asia-Pacific');
    assert.equal(suggestLocations('us-east-7')[0], 'us-east-1');
  });

  it('completes a name that was cut short', () => {
    assert.equal(suggestLocations('Amster')[0], 'Amsterdam');
  });

  it('answers the same again, unaffected by what a caller did with the last answer', () => {
    const first = suggestLocations('Frankfrut');
    first.push('changed');
    assert.deepEqual(suggestLocations('Frankfrut'), first.slice(0, -1));
  });

  it('respects the maximum and offers nothing for gibberish', () => {
    assert.equal(suggestLocations('Londn', 1).length, 1);
    assert.ok(suggestLocations('Londn').length <= 3);
    assert.deepEqual(suggestLocations('xyzzy'), []);
    assert.deepEqual(suggestLocations(''), []);
  });

  it('suggests for the name part of "city, country"', () => {
    assert.equal(suggestLocations('Londn, UK')[0], 'London');
    assert.equal(suggestLocations('Paris, TX')[0], 'Paris');
    assert.equal(suggestLocations('London, Englnd')[0], 'London');
    assert.equal(suggestLocations('London, Englnd', 1).length, 1);
  });

  it('only suggests names that resolve', () => {
    for (const typo of ['NTX', 'Londn', 'IADD', 'us-esat-1', 'Frankfrut', 'Sidney', 'POPP']) {
      for (const suggestion of suggestLocations(typo))
        assert.ok(lookupLocation(suggestion), `${typo} → ${suggestion} does not resolve`);
    }
  });

  it('never suggests what already resolves', () => {
    assert.ok(!suggestLocations('IAD').includes('IAD'));
  });
});

describe('keys and edit distance', () => {
  it('folds names to keys that ignore case, marks and separators', () => {
    assert.equal(foldLocationKey('São Paulo'), 'saopaulo');
    assert.equal(foldLocationKey('Zürich'), 'zurich');
    assert.equal(foldLocationKey('Łódź'), 'lodz');
    assert.equal(foldLocationKey('US_East'), 'useast');
    assert.equal(foldLocationKey('Washington, D.C.'), 'washingtondc');
  });

  it('counts edits and adjacent swaps, and stops past the limit', () => {
    assert.equal(editDistance('frankfurt', 'frankfurt', 3), 0);
    assert.equal(editDistance('frankfrut', 'frankfurt', 3), 1);
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
    assert.equal(editDistance('', 'abc', 5), 3);
    assert.equal(editDistance('kitten', 'sitting', 2), 3);
    assert.equal(editDistance('a', 'abcdefgh', 2), 3);
    assert.equal(editDistance('x'.repeat(200), 'x'.repeat(199) + 'y', 2), 1);
  });

  it('bounds the edit distance from below by the characters each side lacks', () => {
    const key = fc.stringMatching(/^[a-z0-9]{0,12}$/);
    fc.assert(
      fc.property(key, key, (a, b) => {
        assert.ok(editDistanceLowerBound(characterMask(a), characterMask(b)) <= editDistance(a, b, 99));
      }),
      { numRuns: 2000, seed: 3 },
    );
    assert.equal(editDistanceLowerBound(characterMask('london'), characterMask('paris')), 5);
  });
});

describe('any input', () => {
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc
      .constantFrom('IAD', 'London, UK', 'us-east-1', '40.7,-74', 'Frankfrut', 'NTT', 'São Paulo')
      .chain((s) =>
        fc
          .tuple(fc.nat({ max: s.length }), fc.string({ maxLength: 3 }))
          .map(([at, insert]) => s.slice(0, at) + insert + s.slice(at)),
      ),
  );

  it('never throws, and every suggestion resolves', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 5 }), (name, max) => {
        const place = lookupLocation(name);
        if (place) assert.ok(Math.abs(place.point.lat) <= 90 && Math.abs(place.point.lon) <= 180);
        const suggestions = suggestLocations(name, max);
        assert.ok(suggestions.length <= max);
        for (const s of suggestions) assert.ok(lookupLocation(s), `${JSON.stringify(name)} → ${s}`);
        coordinatesProblem(name);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('unknown names', () => {
  it('resolve to undefined', () => {
    for (const name of ['', '   ', 'Londn', 'Atlantis', 'PoP: US-East', '12', '!!!']) {
      assert.equal(lookupLocation(name), undefined, name);
    }
  });
});

describe('completion', () => {
  it('offers places that begin with the prefix, exact and big ones first', () => {
    const items = completeLocations('lon', 5);
    assert.equal(items.length, 5);
    assert.ok(items.every((item) => item.label.toLowerCase().startsWith('lon')));
    assert.ok(items.some((item) => item.label === 'London'));
    assert.match(items.find((item) => item.label === 'London')?.detail ?? '', /United Kingdom/);
  });

  it('offers only names that resolve, to the kind it says', () => {
    const all = completeLocations('', Number.MAX_SAFE_INTEGER);
    assert.ok(all.length > 10000, `${all.length} names`);
    for (const item of all) {
      const place = lookupLocation(item.label);
      assert.ok(place, `${item.label} does not resolve`);
      assert.equal(place.kind, item.kind, item.label);
    }
  });

  it('offers regions by their provider spelling', () => {
    const items = completeLocations('us-east', 10);
    assert.equal(items[0]?.label, 'US-East');
    assert.ok(items.some((item) => item.label === 'us-east-1' && item.kind === 'region'));
  });
});

describe('generated data', () => {
  it('is what the build script makes from the installed dataset packages', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-gazetteer.mjs', '--check'], {
      cwd: new URL('../../../', import.meta.url),
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  });
});

describe('paired labels (Frankfurt (FRA), IAD - Ashburn)', () => {
  // The regular expressions splitPairedName replaces: same answers, without their backtracking.
  const byRegex = (text: string): string[] | undefined => {
    const m = /^(.+?)\s*\(([^()]+)\)$/.exec(text) ?? /^(.+?)\s+[-–—/|]\s+(.+)$/.exec(text);
    return m ? [m[1]!.trim(), m[2]!.trim()] : undefined;
  };

  it('splits into the same halves (trimmed) as the regular expressions on any text without line breaks', () => {
    const text = fc
      .array(fc.constantFrom('a', 'F', 'x', ' ', '\t', '(', ')', '-', '–', '—', '/', '|'), { maxLength: 14 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const ours = splitPairedName(t);
        assert.deepEqual(
          ours?.map((p) => p.trim()),
          byRegex(t),
          JSON.stringify(t),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('still finds the code across long runs of spaces, which once took quadratic time', () => {
    const pad = ' '.repeat(100_000);
    assert.equal(found(`Frankfurt${pad}(FRA)`).point.lat, found('FRA').point.lat);
    assert.equal(found(`IAD${pad}-${pad}Ashburn`).point.lon, found('IAD').point.lon);
    assert.equal(lookupLocation(`a${pad}b`), undefined);
    assert.deepEqual(
      splitPairedName(`x${pad}|${pad}y`)?.map((p) => p.trim()),
      ['x', 'y'],
    );
  });
});
