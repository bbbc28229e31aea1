import { sql } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cardholder, CardholderPage, LookupLogPage } from '../../../shared/api/schemes.ts';
import { normaliseCardNumber } from '../../../shared/schemes.ts';
import { demoCardNumber } from '../../db/seed/demo-schemes.ts';
import { addDays, londonToday } from '../../platform/london.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditOf, createProfile, emails, enrolledUser, expectError, loadStructure } from '../sharing/records.fixtures.ts';
import { sweepSchemeReviews } from './sweep.ts';

let t: TestApp;
let structure: Awaited<ReturnType<typeof loadStructure>>;
let schemeAdmin: Agent;
let schemeStaff: { agent: Agent; id: string };
let responder: Agent;
let asb: Agent;

const base = '/api/v1/schemes/keep-safe';

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  schemeAdmin = await t.as(emails.policeAdmin);
  schemeStaff = await enrolledUser(t, emails.policeAdmin, { name: 'Kai Scheme', role: 'practitioner', teamId: structure.team('Demo County Police/Keep Safe scheme').teamId });
  responder = await t.as(emails.lead);
  asb = await t.as(emails.police);
});
afterAll(() => t.close());

const contact = { name: 'Ruth Ashby', relationship: 'Mother', phone: '07700 900111' };

async function register(body: Record<string, unknown> = {}) {
  const person = await createProfile(asb, { dateOfBirth: '1990-04-12' });
  const response = await schemeAdmin.post(`${base}/cardholders`, {
    profileId: person.id, condition: 'Autism', communication: 'Speak slowly; give me time.', carers: [contact], emergencyContacts: [contact], ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return { person, ...(response.json() as { id: string; cardNumber: string }) };
}

async function holder(id: string): Promise<Cardholder> {
  const response = await schemeAdmin.get(`${base}/cardholders/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const notices = async (userId: string, kind: string) => (await t.database.pool.query(
  'select message, link from notifications where user_id = $1 and kind = $2 order by created_at', [userId, kind],
)).rows as { message: string; link: string }[];

const userId = async (email: string) => (await t.database.pool.query('select id from users where email = $1', [email])).rows[0].id as string;

describe('the Keep Safe register', () => {
  it('registers a person with a valid, unique card number (the contract), or keeps the paper card\'s', async () => {
    const { id, cardNumber, person } = await register({ reviewDate: addDays(londonToday(), 400) });
    expect(normaliseCardNumber(cardNumber)).toBe(cardNumber);
    const created = await holder(id);
    expect(created).toMatchObject({ status: 'active', reviewDueOn: addDays(londonToday(), 400), card: { number: cardNumber, status: 'active' }, profile: { id: person.id } });
    const registered = await auditOf(t, id, 'cardholder.registered');
    expect(registered[0]).toMatchObject({ details: { record: { kind: 'profile', id: person.id } } });

    const paper = 'ks 0011 abc' + (await (async () => {
      for (const c of '0123456789ABCDEFGHJKMNPQRSTVWXYZ') if (normaliseCardNumber(`KS0011ABC${c}`)) return c;
      return '';
    })());
    const moved = await register({ cardNumber: paper });
    expect(moved.cardNumber).toBe(normaliseCardNumber(paper));
    const another = await createProfile(asb);
    expectError(await schemeAdmin.post(`${base}/cardholders`, { profileId: another.id, condition: 'x', communication: 'y', carers: [], emergencyContacts: [], cardNumber: paper }), 409, 'card_number_taken');
    expectError(await schemeAdmin.post(`${base}/cardholders`, { profileId: moved.person.id, condition: 'x', communication: 'y', carers: [], emergencyContacts: [] }), 409, 'already_registered');
  });

  it('needs a parent\'s consent for an under-16, and is for the scheme\'s administrators', async () => {
    const child = await createProfile(asb, { dateOfBirth: addDays(londonToday(), -365 * 10) });
    const body = { profileId: child.id, condition: 'Autism', communication: 'Calmly.', carers: [contact], emergencyContacts: [] };
    const refused = await schemeAdmin.post(`${base}/cardholders`, body);
    expectError(refused, 422, 'validation_failed');
    expect(refused.json().error.details).toEqual([{ field: 'parentalConsent', problem: 'is needed for someone under 16' }]);
    expectError(await schemeStaff.agent.post(`${base}/cardholders`, body), 403, 'forbidden');
    expect((await schemeAdmin.post(`${base}/cardholders`, { ...body, parentalConsent: { by: 'Ruth Ashby', on: londonToday() } })).statusCode).toBe(201);
  });

  it('is read by the scheme\'s staff and administrators only; another partnership has none', async () => {
    const { id } = await register();
    const page = (await schemeStaff.agent.get(`${base}/cardholders?limit=5`)).json() as CardholderPage;
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).not.toBeNull();
    const next = (await schemeStaff.agent.get(`${base}/cardholders?limit=5&cursor=${page.nextCursor}`)).json() as CardholderPage;
    expect(next.items[0]!.id).not.toBe(page.items[0]!.id);
    const byNumber = (await schemeStaff.agent.get(`${base}/cardholders?q=${encodeURIComponent(demoCardNumber.toLowerCase())}`)).json() as CardholderPage;
    expect(byNumber.items.map((i) => i.card?.number)).toEqual([demoCardNumber]);
    expect((await schemeStaff.agent.get(`${base}/cardholders/${id}`)).json()).toMatchObject({ permissions: { canEdit: true, canApprove: false } });
    expectError(await asb.get(`${base}/cardholders`), 403, 'not_scheme_staff');
    expectError(await asb.get(`${base}/cardholders/${id}`), 403, 'not_scheme_staff');
    expectError(await (await t.as(emails.council)).get(`${base}/cardholders/${id}`), 403, 'not_scheme_staff');
    expectError(await (await t.as(emails.other)).get(`${base}/cardholders/${id}`), 404, 'not_found');
  });

  it('changes details from the version read, reissues cards, prints one, and withdraws a holder', async () => {
    const { id, cardNumber } = await register();
    const before = await holder(id);
    const changed = await schemeStaff.agent.patch(`${base}/cardholders/${id}`, { version: before.version, medicationNotes: 'Inhaler', keyworkerId: schemeStaff.id });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ medicationNotes: 'Inhaler', keyworker: { id: schemeStaff.id, name: 'Kai Scheme' } });
    expectError(await schemeStaff.agent.patch(`${base}/cardholders/${id}`, { version: before.version, condition: 'x' }), 409, 'conflict');
    expect((await auditOf(t, id, 'cardholder.updated'))[0]?.changes).toMatchObject({ medicationNotes: { before: null, after: 'Inhaler' } });

    const renewed = (await schemeAdmin.post(`${base}/cardholders/${id}/cards`, { reason: 'renewal' })).json() as Cardholder;
    expect(renewed.card?.number).toBe(cardNumber);
    expectError(await schemeStaff.agent.post(`${base}/cardholders/${id}/cards`, { reason: 'lost' }), 403, 'forbidden');
    const lost = (await schemeAdmin.post(`${base}/cardholders/${id}/cards`, { reason: 'lost' })).json() as Cardholder;
    expect(lost.card?.number).not.toBe(cardNumber);
    // The lost card still answers, saying it was replaced.
    const old = await responder.post(`${base}/lookup`, { cardNumber, reason: 'Found a person in distress' });
    expect(old.json()).toMatchObject({ cardStatus: 'replaced' });

    const printed = await schemeStaff.agent.get(`${base}/cardholders/${id}/card.pdf`);
    expect(printed.statusCode).toBe(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocument({ data: new Uint8Array(printed.rawPayload) }).promise;
    expect(pdf.numPages).toBe(2);
    const front = (await (await pdf.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
    expect(front).toContain(lost.profile.firstName);
    expect(front).toContain(lost.card!.printed);
    expect((await auditOf(t, id, 'cardholder.card_printed'))).toHaveLength(1);

    const withdrawn = await schemeStaff.agent.post(`${base}/cardholders/${id}/withdraw`, { version: lost.version, reason: 'Family asked', removalReason: 'withdrawn' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', removalReason: 'withdrawn', card: { status: 'withdrawn' } });
    expectError(await responder.post(`${base}/lookup`, { cardNumber: lost.card!.number, reason: 'Found a person in distress' }), 404, 'not_found');
  });

  it('marks holders due for review, tells the scheme staff, and takes them off three months after', async () => {
    const { id } = await register();
    await t.database.pool.query('update cardholders set review_due_on = $2 where id = $1', [id, addDays(londonToday(), -1)]);
    await sweepSchemeReviews(t.app.platform);
    expect(await holder(id)).toMatchObject({ status: 'review_due' });
    expect((await notices(schemeStaff.id, 'scheme_review_due')).at(-1)?.message).toMatch(/due for review/);

    const confirmed = await schemeStaff.agent.post(`${base}/cardholders/${id}/review`, { confirmed: true, version: (await holder(id)).version });
    expect(confirmed.json()).toMatchObject({ status: 'active', reviewConfirmedOn: londonToday() });

    await t.database.pool.query('update cardholders set review_due_on = $2 where id = $1', [id, addDays(londonToday(), -100)]);
    await sweepSchemeReviews(t.app.platform);
    expect(await holder(id)).toMatchObject({ status: 'review_due' });
    await sweepSchemeReviews(t.app.platform);
    expect(await holder(id)).toMatchObject({ status: 'removed', removalReason: 'review_unconfirmed', card: { status: 'withdrawn' } });
    expect((await auditOf(t, id, 'cardholder.removed'))[0]).toMatchObject({ details: { removalReason: 'review_unconfirmed' } });
  });
});

describe('the emergency look-up', () => {
  const responderFields = [
    'firstName', 'condition', 'communication', 'carers', 'emergencyContacts',
    'lookupId', 'cardNumber', 'cardStatus', 'cardExpiresOn', 'medicationNotes', 'usesDisabilityContactLine',
  ].sort();

  it('answers a flagged responder with the responder fields only, audits the reason and tells the keyworker', async () => {
    const typed = `${demoCardNumber.slice(0, 6).toLowerCase()} ${demoCardNumber.slice(6)}`.replace(/0/g, 'O');
    const response = await responder.get(`${base}/lookup?cardNumber=${encodeURIComponent(typed)}&reason=${encodeURIComponent('Concern for welfare call')}`);
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    expect(Object.keys(answer).sort()).toEqual(responderFields);
    expect(answer).toMatchObject({ firstName: 'Ellis', cardStatus: 'active', cardNumber: 'KS 4F7K 9QX4' });

    const row = (await t.database.pool.query('select cardholder_id, method, reason, found from scheme_lookups where id = $1', [answer.lookupId])).rows[0];
    expect(row).toMatchObject({ method: 'card_number', reason: 'Concern for welfare call', found: true });
    const [event] = await auditOf(t, row.cardholder_id, 'scheme.looked_up');
    expect(event).toMatchObject({ reason: 'Concern for welfare call', details: { lookupMethod: 'card_number', found: true, typed: demoCardNumber } });

    const told = await notices(await userId(emails.police), 'scheme_lookup');
    expect(told.at(-1)?.message).toBe('Someone at Demo County Police looked up a Keep Safe cardholder you support.');
  });

  it('finds by name and date of birth, asks for the card number when two match, and refuses what it cannot answer', async () => {
    const byName = await responder.post(`${base}/lookup`, { firstName: 'ellis', lastName: 'ASHBY', dateOfBirth: '1950-01-01', reason: 'Missing person' });
    expect(byName.statusCode, byName.body).toBe(200);
    expect(byName.json()).toMatchObject({ firstName: 'Ellis' });

    const twin = { firstName: 'Noor', lastName: 'Twinley', dateOfBirth: '1980-02-02' };
    await register({ profileId: (await createProfile(asb, twin)).id });
    await register({ profileId: (await createProfile(asb, twin)).id });
    expectError(await responder.post(`${base}/lookup`, { ...twin, reason: 'Missing person' }), 409, 'several_matches');
    expectError(await responder.post(`${base}/lookup`, { ...twin, dateOfBirth: '1980-02-03', reason: 'Missing person' }), 404, 'not_found');
    const notFound = await auditOf(t, (await t.database.pool.query('select id from schemes limit 1')).rows[0].id, 'scheme.looked_up');
    expect(notFound[0]).toMatchObject({ details: { found: false, lookupMethod: 'name_and_date_of_birth' } });

    const badCheck = demoCardNumber.slice(0, -1) + (demoCardNumber.endsWith('5') ? '6' : '5');
    expectError(await responder.post(`${base}/lookup`, { cardNumber: badCheck, reason: 'x' }), 422, 'validation_failed');
    expectError(await responder.post(`${base}/lookup`, { cardNumber: demoCardNumber }), 422, 'validation_failed');
    expectError(await responder.post(`${base}/lookup`, { cardNumber: demoCardNumber, reason: '' }), 422, 'validation_failed');
  });

  it('is for flagged people only, read-only ones included, and only within their partnership', async () => {
    expectError(await asb.post(`${base}/lookup`, { cardNumber: demoCardNumber, reason: 'Curious' }), 403, 'forbidden');
    const control = await enrolledUser(t, emails.policeAdmin, { name: 'Control Room', role: 'read_only', teamId: structure.team('Demo County Police/ASB team').teamId });
    expectError(await control.agent.post(`${base}/lookup`, { cardNumber: demoCardNumber, reason: 'Call from a member of the public' }), 403, 'forbidden');
    await t.database.pool.query('update users set scheme_look_up = true where id = $1', [control.id]);
    expect((await control.agent.post(`${base}/lookup`, { cardNumber: demoCardNumber, reason: 'Call from a member of the public' })).statusCode).toBe(200);
    expect((await control.agent.get('/api/v1/me')).json()).toMatchObject({ schemeLookUp: true });

    const other = await t.as(emails.other);
    await t.database.pool.query('update users set scheme_look_up = true where email = $1', [emails.other]);
    expectError(await other.post(`${base}/lookup`, { cardNumber: demoCardNumber, reason: 'Call' }), 404, 'not_found');
  });

  it('is given by system and organisation administrators to their own organisation\'s people, not by team admins', async () => {
    const dispatcher = await enrolledUser(t, emails.policeAdmin, { name: 'Dana Dispatch', role: 'read_only', teamId: structure.team('Demo County Police/ASB team').teamId });
    const read = async () => (await schemeAdmin.get(`/api/v1/users/${dispatcher.id}`)).json() as { version: number; schemeLookUp: boolean };
    expect(await read()).toMatchObject({ schemeLookUp: false });
    expectError(await responder.patch(`/api/v1/users/${dispatcher.id}`, { version: (await read()).version, schemeLookUp: true }), 422, 'validation_failed');
    const councilAdmin = await enrolledUser(t, emails.admin, { name: 'Carol Council', role: 'organisation_admin', teamId: structure.team('Demo District Council/Community Safety team').teamId });
    expect([403, 404]).toContain((await councilAdmin.agent.patch(`/api/v1/users/${dispatcher.id}`, { version: (await read()).version, schemeLookUp: true })).statusCode);

    const flagged = await schemeAdmin.patch(`/api/v1/users/${dispatcher.id}`, { version: (await read()).version, schemeLookUp: true });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json()).toMatchObject({ schemeLookUp: true });
    expect((await auditOf(t, dispatcher.id, 'user.updated'))[0]?.changes).toEqual({ schemeLookUp: { before: false, after: true } });
    expect((await dispatcher.agent.get('/api/v1/me')).json().permissions).toContain('schemes.look_up');
  });

  it('is limited to 20 look-ups in 10 minutes for each person', async () => {
    const busy = await enrolledUser(t, emails.policeAdmin, { name: 'Busy Dispatcher', role: 'read_only', teamId: structure.team('Demo County Police/ASB team').teamId });
    await t.database.pool.query('update users set scheme_look_up = true where id = $1', [busy.id]);
    await t.database.db.execute(sql`insert into scheme_lookups (id, partnership_id, scheme_id, user_id, team_id, organisation_id, method, reason, found)
      select gen_random_uuid(), s.partnership_id, s.id, u.id, u.team_id, t.organisation_id, 'card_number', 'earlier', false
      from schemes s, users u join teams t on t.id = u.team_id, generate_series(1, 19)
      where u.id = ${busy.id} and s.partnership_id = (select o.partnership_id from organisations o where o.id = t.organisation_id)`);
    expect((await busy.agent.post(`${base}/lookup`, { cardNumber: demoCardNumber, reason: 'Twentieth' })).statusCode).toBe(200);
    expectError(await busy.agent.post(`${base}/lookup`, { cardNumber: demoCardNumber, reason: 'Twenty-first' }), 429, 'rate_limited');
  });

  it('is listed for the scheme\'s administrators, not its practitioners', async () => {
    const page = (await schemeAdmin.get(`${base}/lookups?limit=3`)).json() as LookupLogPage;
    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toMatchObject({ organisation: { name: 'Demo County Police' } });
    expect(page.items.every((i) => typeof i.reason === 'string')).toBe(true);
    expectError(await schemeStaff.agent.get(`${base}/lookups`), 403, 'not_scheme_admin');
    expectError(await responder.get(`${base}/lookups`), 403, 'not_scheme_admin');
  });
});
