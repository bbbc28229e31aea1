// A stand-in for OS Places for the journeys (playwright.config.ts points GEOCODER_URL at it):
// the postcode endpoint's reply, in its shape, for one postcode in Newark; none for any other.
import { createServer } from 'node:http';

const port = Number(process.env.PORT);

const deliveryPoint = (fields: Record<string, unknown>) => ({
  DPA: { POST_TOWN: 'NEWARK', POSTCODE: 'NG24 1AB', STATUS: 'APPROVED', LOGICAL_STATUS_CODE: '1', COUNTRY_CODE: 'E', LANGUAGE: 'EN', MATCH: 1.0, MATCH_DESCRIPTION: 'EXACT', ...fields },
});

const known: Record<string, unknown[]> = {
  'NG24 1AB': [
    deliveryPoint({ UPRN: '100031234567', ADDRESS: '12, MARKET PLACE, NEWARK, NG24 1AB', BUILDING_NUMBER: '12', THOROUGHFARE_NAME: 'MARKET PLACE', LAT: 53.076512, LNG: -0.808731 }),
    deliveryPoint({ UPRN: '100031234568', ADDRESS: 'THE OLD BANK, 14, MARKET PLACE, NEWARK, NG24 1AB', BUILDING_NAME: 'THE OLD BANK', BUILDING_NUMBER: '14', THOROUGHFARE_NAME: 'MARKET PLACE', LAT: 53.076633, LNG: -0.808512 }),
  ],
};

createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://places.test');
  const postcode = url.searchParams.get('postcode') ?? '';
  const results = url.pathname === '/postcode' ? known[postcode] : undefined;
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ header: { query: `postcode=${postcode}`, totalresults: results?.length ?? 0, output_srs: 'WGS84' }, ...(results ? { results } : {}) }));
}).listen(port, '127.0.0.1');
