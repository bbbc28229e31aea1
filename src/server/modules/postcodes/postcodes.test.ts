import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createGeocoder } from '../../platform/geocode/geocoder.ts';
import { createUserAs } from '../../test/fixtures.ts';
import { makeAgent, startTestApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;
const police = 'police.asb@concord.test';
const other = 'other.police@concord.test';

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Reply {
  status: number;
  body?: unknown;
}

/** A provider on a real port of this machine, answering as `answer` says and keeping every request it was sent. */
async function fakeProvider(answer: (url: URL, request: IncomingMessage) => Reply) {
  const requests: { url: URL; headers: IncomingMessage['headers'] }[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://provider.test');
    requests.push({ url, headers: request.headers });
    const reply = answer(url, request);
    response.writeHead(reply.status, { 'content-type': 'application/json' });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type FakeProvider = Awaited<ReturnType<typeof fakeProvider>>;

const warnings: string[] = [];
const log = { warn: (...args: unknown[]) => void warnings.push(JSON.stringify(args, (_, v: unknown) => (v instanceof Error ? `${v.message} ${String(v.cause)}` : v))) };

/** Points the running app at a provider, from the settings a deployment would give. */
function configure(env: Record<string, string>) {
  t.app.platform.geocoder = createGeocoder(loadConfig(env).geocoder, log);
}

const lookUp = async (agent: Agent, postcode: string) => agent.get(`/api/v1/postcodes/${encodeURIComponent(postcode)}`);
const errorOf = (response: { statusCode: number; json(): unknown }) => ({ status: response.statusCode, code: (response.json() as { error?: { code?: string } }).error?.code });

/** A disposable read-only member of the police ASB team, signed in with an enrolled authenticator. */
async function readOnlyUser(): Promise<Agent> {
  const me = (await (await t.as(police)).get('/api/v1/me')).json() as { team: { id: string } };
  const { email, password } = await createUserAs(t, 'admin@concord.test', { name: 'Rita Readonly', role: 'read_only', teamId: me.team.id });
  const agent = makeAgent(t.app);
  expect((await agent.post('/api/v1/auth/sign-in', { email, password })).statusCode).toBe(200);
  const { secret } = (await agent.get('/api/v1/auth/enrolment')).json() as { secret: string };
  expect((await agent.post('/api/v1/auth/enrolment', { totp: await t.code(email, secret) })).statusCode).toBe(200);
  return agent;
}

describe('with no postcode lookup configured', () => {
  beforeEach(() => {
    t.app.platform.geocoder = undefined;
  });

  it('says that lookup is not available, and the web app is told to offer none', async () => {
    const agent = await t.as(police);
    const response = await lookUp(agent, 'NG1 5AB');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ available: false });
    expect((await agent.get('/api/v1/settings')).json()).toMatchObject({ postcodeLookup: null });
  });

  it('still refuses something that is not a postcode with 422 on the postcode field', async () => {
    const response = await lookUp(await t.as(police), 'not a postcode');
    expect(errorOf(response)).toEqual({ status: 422, code: 'validation_failed' });
    expect(response.json()).toMatchObject({ error: { details: [{ field: 'postcode', problem: 'must be a UK postcode, like NG1 5AB' }] } });
  });

  it('answers 401 to someone not signed in', async () => {
    expect(errorOf(await lookUp(t.anonymous, 'NG1 5AB'))).toEqual({ status: 401, code: 'unauthenticated' });
  });
});

describe('postcodes.io', () => {
  let provider: FakeProvider;
  let failing = false;

  // The shapes of postcodes.io's GET /postcodes/:postcode, found and not found.
  beforeAll(async () => {
    provider = await fakeProvider((url) => {
      if (failing) return { status: 500, body: { status: 500, error: 'Internal server error' } };
      const postcode = decodeURIComponent(url.pathname.replace(/^\/postcodes\//, ''));
      if (postcode === 'NG1 5AB') {
        return { status: 200, body: { status: 200, result: { postcode: 'NG1 5AB', quality: 1, eastings: 457255, northings: 339896, country: 'England', longitude: -1.148453, latitude: 52.951838, admin_district: 'Nottingham' } } };
      }
      return { status: 404, body: { status: 404, error: 'Postcode not found' } };
    });
  });
  afterAll(() => provider.close());
  beforeEach(() => {
    failing = false;
    configure({ GEOCODER: 'postcodes.io', GEOCODER_URL: `${provider.url}/` });
  });

  it('gives a postcode\'s position, however it was typed, and no addresses', async () => {
    const response = await lookUp(await t.as(police), 'ng15ab');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ available: true, postcode: 'NG1 5AB', latitude: 52.951838, longitude: -1.148453, addresses: [] });
    expect(provider.requests.at(-1)!.url.pathname).toBe('/postcodes/NG1%205AB');
  });

  it('tells the web app that a lookup gives a position only', async () => {
    expect((await (await t.as(police)).get('/api/v1/settings')).json()).toMatchObject({ postcodeLookup: 'coordinates' });
  });

  it('answers 404 for a postcode the provider does not know', async () => {
    const response = await lookUp(await t.as(police), 'NG1 9ZZ');
    expect(errorOf(response)).toEqual({ status: 404, code: 'not_found' });
    expect(response.json()).toMatchObject({ error: { message: 'No such postcode.' } });
  });

  it('refuses something that is not a postcode without asking the provider', async () => {
    const before = provider.requests.length;
    expect(errorOf(await lookUp(await t.as(police), 'NG1'))).toEqual({ status: 422, code: 'validation_failed' });
    expect(errorOf(await lookUp(await t.as(police), 'NG1 5AB; drop table'))).toEqual({ status: 422, code: 'validation_failed' });
    expect(provider.requests.length).toBe(before);
  });

  it('asks the provider once for a postcode, found or not, then answers from its cache', async () => {
    const agent = await t.as(police);
    const before = provider.requests.length;
    for (const spelling of ['NG1 5AB', 'ng1 5ab', ' NG15AB ']) expect((await lookUp(agent, spelling)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) expect((await lookUp(agent, 'NG1 9ZZ')).statusCode).toBe(404);
    expect(provider.requests.length - before).toBe(2);
  });

  it('answers 502 postcode_lookup_failed when the provider fails, and asks again next time', async () => {
    const agent = await t.as(police);
    failing = true;
    warnings.length = 0;
    const response = await lookUp(agent, 'NG1 5AB');
    expect(errorOf(response)).toEqual({ status: 502, code: 'postcode_lookup_failed' });
    expect(response.json()).toMatchObject({ error: { message: 'The postcode lookup service did not answer. Enter the address by hand, or try again later.' } });
    expect(warnings.join('\n')).toContain('postcodes.io answered 500');
    failing = false;
    expect((await lookUp(agent, 'NG1 5AB')).statusCode).toBe(200);
  });

  it('answers 502 postcode_lookup_failed when the provider cannot be reached', async () => {
    const gone = await fakeProvider(() => ({ status: 200 }));
    await gone.close();
    configure({ GEOCODER: 'postcodes.io', GEOCODER_URL: gone.url });
    expect(errorOf(await lookUp(await t.as(police), 'NG1 5AB'))).toEqual({ status: 502, code: 'postcode_lookup_failed' });
  });

  it('answers 502 when the provider sends something that is not its reply', async () => {
    const odd = await fakeProvider(() => ({ status: 200, body: { result: { latitude: 'north' } } }));
    try {
      configure({ GEOCODER: 'postcodes.io', GEOCODER_URL: odd.url });
      expect(errorOf(await lookUp(await t.as(police), 'NG1 5AB'))).toEqual({ status: 502, code: 'postcode_lookup_failed' });
    } finally {
      await odd.close();
    }
  });

  it('answers anyone who may view records: a read-only user, another partnership, another organisation\'s system', async () => {
    expect((await lookUp(await readOnlyUser(), 'NG1 5AB')).json()).toMatchObject({ available: true, postcode: 'NG1 5AB' });
    expect((await lookUp(await t.as(other), 'NG1 5AB')).json()).toMatchObject({ available: true, postcode: 'NG1 5AB' });
    const me = (await (await t.as(police)).get('/api/v1/me')).json() as { organisation: { id: string }; team: { id: string } };
    const issued = await (await t.as('police.admin@concord.test')).post('/api/v1/api-tokens', { organisationId: me.organisation.id, teamId: me.team.id, name: 'Address feed', access: 'read' });
    expect(issued.statusCode, issued.body).toBe(201);
    const system = makeAgent(t.app, {}, { authorization: `Bearer ${(issued.json() as { token: string }).token}` });
    expect((await lookUp(system, 'NG1 5AB')).json()).toMatchObject({ available: true, postcode: 'NG1 5AB' });
  });
});

describe('OS Places', () => {
  let provider: FakeProvider;
  const key = 'os-test-key-1234';
  const header = (totalresults: number) => ({
    uri: 'https://api.os.uk/search/places/v1/postcode?postcode=SO16%200AS', query: 'postcode=SO16 0AS', offset: 0, totalresults, format: 'JSON',
    dataset: 'DPA', lr: 'EN,CY', maxresults: 100, epoch: '110', lastupdate: '2026-11-20', output_srs: 'WGS84',
  });
  const dpa = (fields: Record<string, unknown>) => ({
    DPA: {
      UDPRN: '52126562', POST_TOWN: 'SOUTHAMPTON', POSTCODE: 'SO16 0AS', RPC: '1', X_COORDINATE: 437292.43, Y_COORDINATE: 115541.95, STATUS: 'APPROVED',
      LOGICAL_STATUS_CODE: '1', CLASSIFICATION_CODE: 'RD04', COUNTRY_CODE: 'E', LANGUAGE: 'EN', MATCH: 1.0, MATCH_DESCRIPTION: 'EXACT', ...fields,
    },
  });

  // The shape of OS Places' GET /postcode with output_srs=WGS84: header, then results[].DPA.
  beforeAll(async () => {
    provider = await fakeProvider((url, request) => {
      if (request.headers.key !== key) return { status: 401, body: { error: { statuscode: 401, message: 'Missing or unsupported API key provided.' } } };
      const postcode = url.searchParams.get('postcode');
      if (url.pathname !== '/search/places/v1/postcode' || postcode !== 'SO16 0AS') return { status: 200, body: { header: header(0) } };
      return {
        status: 200,
        body: {
          header: header(3),
          results: [
            dpa({ UPRN: '200010019924', ADDRESS: 'ORDNANCE SURVEY, 4, ADANAC DRIVE, NURSLING, SOUTHAMPTON, SO16 0AS', ORGANISATION_NAME: 'ORDNANCE SURVEY', BUILDING_NUMBER: '4', THOROUGHFARE_NAME: 'ADANAC DRIVE', DEPENDENT_LOCALITY: 'NURSLING', LAT: 50.9376, LNG: -1.4708 }),
            dpa({ UPRN: 100060123456, ADDRESS: 'FLAT 2, HERON HOUSE, 10, ADANAC DRIVE, SOUTHAMPTON, SO16 0AS', SUB_BUILDING_NAME: 'FLAT 2', BUILDING_NAME: 'HERON HOUSE', BUILDING_NUMBER: '10', THOROUGHFARE_NAME: 'ADANAC DRIVE', LAT: 50.9380, LNG: -1.4712 }),
            dpa({ UPRN: '100060123457', ADDRESS: "2A, ST JOHN'S CLOSE, SOUTHAMPTON, SO16 0AS", BUILDING_NUMBER: '2A', THOROUGHFARE_NAME: "ST JOHN'S CLOSE", LAT: 50.9372, LNG: -1.4704 }),
          ],
        },
      };
    });
  });
  afterAll(() => provider.close());
  beforeEach(() => configure({ GEOCODER: 'os-places', GEOCODER_URL: `${provider.url}/search/places/v1`, OS_PLACES_KEY: key }));

  it('gives the addresses at a postcode with their UPRNs and positions, written as people write them', async () => {
    const response = await lookUp(await t.as(police), 'so160as');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      available: true,
      postcode: 'SO16 0AS',
      latitude: 50.937600,
      longitude: -1.4708,
      addresses: [
        { name: null, line1: "2A St John's Close", line2: null, town: 'Southampton', postcode: 'SO16 0AS', uprn: '100060123457', latitude: 50.9372, longitude: -1.4704 },
        { name: 'Ordnance Survey', line1: '4 Adanac Drive', line2: 'Nursling', town: 'Southampton', postcode: 'SO16 0AS', uprn: '200010019924', latitude: 50.9376, longitude: -1.4708 },
        { name: null, line1: 'Flat 2, Heron House, 10 Adanac Drive', line2: null, town: 'Southampton', postcode: 'SO16 0AS', uprn: '100060123456', latitude: 50.938, longitude: -1.4712 },
      ],
    });
  });

  it('asks for WGS84 positions and sends the key in a header, never in the address', async () => {
    await lookUp(await t.as(police), 'SO16 0AS');
    const sent = provider.requests.at(-1)!;
    expect(Object.fromEntries(sent.url.searchParams)).toEqual({ postcode: 'SO16 0AS', output_srs: 'WGS84', dataset: 'DPA', maxresults: '100' });
    expect(sent.headers.key).toBe(key);
  });

  it('tells the web app that a lookup gives addresses', async () => {
    expect((await (await t.as(police)).get('/api/v1/settings')).json()).toMatchObject({ postcodeLookup: 'addresses' });
  });

  it('answers 404 for a postcode with no addresses', async () => {
    expect(errorOf(await lookUp(await t.as(police), 'SO16 9ZZ'))).toEqual({ status: 404, code: 'not_found' });
  });

  it('answers 502 when OS Places refuses the key, and says so in the log without the key', async () => {
    configure({ GEOCODER: 'os-places', GEOCODER_URL: `${provider.url}/search/places/v1`, OS_PLACES_KEY: 'a-revoked-key' });
    warnings.length = 0;
    expect(errorOf(await lookUp(await t.as(police), 'SO16 0AS'))).toEqual({ status: 502, code: 'postcode_lookup_failed' });
    expect(warnings.join('\n')).toContain('OS Places refused the key (401): check OS_PLACES_KEY');
    expect(warnings.join('\n')).not.toContain('a-revoked-key');
  });
});

describe('the lookup settings', () => {
  it('default to no lookup, and to each provider\'s own address', () => {
    expect(loadConfig({}).geocoder).toBeUndefined();
    expect(loadConfig({ GEOCODER: 'postcodes.io' }).geocoder).toEqual({ provider: 'postcodes.io', url: 'https://api.postcodes.io' });
    expect(loadConfig({ GEOCODER: 'os-places', OS_PLACES_KEY: 'k' }).geocoder).toEqual({ provider: 'os-places', url: 'https://api.os.uk/search/places/v1', key: 'k' });
  });

  it('refuse OS Places without a key, and an unknown provider, naming the setting', () => {
    expect(() => loadConfig({ GEOCODER: 'os-places' })).toThrow(/OS_PLACES_KEY: is required with GEOCODER=os-places/);
    expect(() => loadConfig({ GEOCODER: 'google' })).toThrow(/GEOCODER/);
    expect(() => loadConfig({ GEOCODER: 'postcodes.io', GEOCODER_URL: 'ftp://postcodes.example.org' })).toThrow(/GEOCODER_URL/);
  });
});
