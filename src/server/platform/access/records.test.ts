import { and, asc, eq, inArray, not, sql } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from './actor.ts';
import { teamCanView } from './kinds.ts';
import { accessLevel, canEdit, canReadContent, canView, effectiveLevel, inPartnership, type AccessListColumns } from './records.ts';

/**
 * The record-access predicates against a real database: throwaway tables shaped like a module's
 * owned records, access list and reports, filled with records owned by the demo teams. Every
 * question is asked of the SQL the modules will use, not of a copy of the rules.
 */

const records = pgTable('test_records', {
  id: uuid('id').primaryKey(),
  ownerTeamId: uuid('owner_team_id').notNull(),
  partnershipId: uuid('partnership_id').notNull(),
});

const notes = pgTable('test_notes', {
  id: uuid('id').primaryKey(),
  recordId: uuid('record_id').notNull(),
  visibility: text('visibility').notNull(),
  authorId: uuid('author_id').notNull(),
  authorTeamId: uuid('author_team_id').notNull(),
});

const accessList: AccessListColumns = {
  table: sql`test_record_access`,
  recordId: sql`test_record_access.record_id`,
  teamId: sql`test_record_access.team_id`,
  organisationId: sql`test_record_access.organisation_id`,
  userId: sql`test_record_access.user_id`,
  level: sql`test_record_access.level`,
  expiresAt: sql`test_record_access.expires_at`,
};

let t: TestApp;

interface Place { teamId: string; organisationId: string; partnershipId: string }
const place: Record<string, Place> = {};

/** The demo team "<organisation>/<team>" with its organisation and partnership. */
async function loadPlaces() {
  const { rows } = await t.database.db.execute<{ organisation: string; team: string; team_id: string; organisation_id: string; partnership_id: string }>(sql`
    select o.name as organisation, t.name as team, t.id as team_id, o.id as organisation_id, o.partnership_id
      from teams t join organisations o on o.id = t.organisation_id`);
  for (const r of rows) place[`${r.organisation}/${r.team}`] = { teamId: r.team_id, organisationId: r.organisation_id, partnershipId: r.partnership_id };
}
const at = (key: string): Place => {
  const p = place[key];
  if (!p) throw new Error(`no demo team ${key}`);
  return p;
};

function actor(name: string, key: string, role: Role = 'practitioner', extra: Partial<Actor> = {}): Actor {
  return { kind: 'user', id: uuidv7(), name, role, isSupervisor: false, readOnly: false, ...at(key), ...extra };
}

// The records, by name, and the actors who ask about them.
const R: Record<string, string> = {};
const N: Record<string, string> = {};
let A: Record<string, Actor>;

async function grant(record: string, target: { teamId?: string; organisationId?: string }, level: 'view' | 'edit') {
  await t.database.db.execute(sql`insert into test_record_access (record_id, team_id, organisation_id, level)
    values (${R[record]!}, ${target.teamId ?? null}, ${target.organisationId ?? null}, ${level})`);
}

beforeAll(async () => {
  t = await startTestApp();
  await loadPlaces();
  const db = t.database.db;
  await db.execute(sql`create table test_records (id uuid primary key, owner_team_id uuid not null, partnership_id uuid not null)`);
  await db.execute(sql`create table test_record_access (record_id uuid not null, team_id uuid null, organisation_id uuid null, user_id uuid null, level text not null, expires_at timestamptz null)`);
  await db.execute(sql`create table test_notes (id uuid primary key, record_id uuid not null, visibility text not null, author_id uuid not null, author_team_id uuid not null)`);

  A = {
    policeAsb: actor('Police ASB officer', 'Demo County Police/ASB team'),
    policeAsbReadOnly: actor('Police ASB read-only', 'Demo County Police/ASB team', 'read_only'),
    policeIom: actor('Police IOM officer', 'Demo County Police/IOM team'),
    councilCs: actor('Council community safety', 'Demo District Council/Community Safety team'),
    councilEh: actor('Council environmental health', 'Demo District Council/Environmental Health'),
    housing: actor('Housing officer', 'Demo Housing Association/Tenancy team'),
    readToken: actor('API token: police read', 'Demo County Police/ASB team', 'read_only', { kind: 'api_token', readOnly: true }),
    writeToken: actor('API token: police write', 'Demo County Police/ASB team', 'practitioner', { kind: 'api_token', readOnly: false }),
    other: actor('Neighbouring officer', 'Neighbouring County Police/ASB team'),
  };

  const owned: [string, string][] = [
    ['policeAsbRecord', 'Demo County Police/ASB team'],
    ['councilRecord', 'Demo District Council/Community Safety team'],
    ['neighbouringRecord', 'Neighbouring County Police/ASB team'],
    ['policeIomRecord', 'Demo County Police/IOM team'],
    ['housingRecord', 'Demo Housing Association/Tenancy team'],
  ];
  for (const [name, key] of owned) {
    R[name] = uuidv7();
    await db.insert(records).values({ id: R[name]!, ownerTeamId: at(key).teamId, partnershipId: at(key).partnershipId });
  }
  // Police ASB's record: the council's community safety team may view; all of the housing
  // association may edit; and a grant to a team of the other partnership, which must be inert.
  await grant('policeAsbRecord', { teamId: at('Demo District Council/Community Safety team').teamId }, 'view');
  await grant('policeAsbRecord', { organisationId: at('Demo Housing Association/Tenancy team').organisationId }, 'edit');
  await grant('policeAsbRecord', { teamId: at('Neighbouring County Police/ASB team').teamId }, 'edit');
  await grant('policeAsbRecord', { organisationId: at('Neighbouring County Police/ASB team').organisationId }, 'edit');
  // The council's record is shared with the whole of Demo County Police, view only.
  await grant('councilRecord', { organisationId: at('Demo County Police/ASB team').organisationId }, 'view');
  // A record of the other partnership, with a bogus grant to Demo County's police ASB team.
  await grant('neighbouringRecord', { teamId: at('Demo County Police/ASB team').teamId }, 'edit');
  await grant('neighbouringRecord', { organisationId: at('Demo County Police/ASB team').organisationId }, 'edit');
  // IOM's record: the ASB team holds both view and edit grants (edit wins); the force may view.
  await grant('policeIomRecord', { teamId: at('Demo County Police/ASB team').teamId }, 'view');
  await grant('policeIomRecord', { teamId: at('Demo County Police/ASB team').teamId }, 'edit');
  await grant('policeIomRecord', { organisationId: at('Demo County Police/ASB team').organisationId }, 'view');
  // The housing record is shared with no one.

  const note = async (name: string, record: string, visibility: string, author: Actor) => {
    N[name] = uuidv7();
    await db.insert(notes).values({ id: N[name]!, recordId: R[record]!, visibility, authorId: author.id, authorTeamId: author.teamId });
  };
  await note('shared', 'policeAsbRecord', 'shared', A.policeAsb!);
  await note('team', 'policeAsbRecord', 'team', A.policeAsb!);
  await note('private', 'policeAsbRecord', 'private', A.policeAsb!);
  await note('councilTeam', 'councilRecord', 'team', A.councilCs!);
  await note('councilShared', 'councilRecord', 'shared', A.councilCs!);
});
afterAll(() => t.close());

const nameOf = (id: string) => Object.keys(R).find((k) => R[k] === id) ?? Object.keys(N).find((k) => N[k] === id) ?? id;
const names = (rows: { id: string }[]) => rows.map((r) => nameOf(r.id)).sort();

async function visible(actor: Actor) {
  return names(await t.database.db.select({ id: records.id }).from(records).where(canView(actor, records, accessList)));
}
async function editable(actor: Actor) {
  return names(await t.database.db.select({ id: records.id }).from(records).where(canEdit(actor, records, accessList)));
}
async function levels(actor: Actor) {
  const rows = await t.database.db.select({ id: records.id, level: accessLevel(actor, records, accessList) }).from(records).orderBy(asc(records.id));
  return Object.fromEntries(rows.map((r) => [nameOf(r.id), r.level]));
}

describe('inPartnership', () => {
  it('keeps each actor to the records of their own partnership', async () => {
    const rows = await t.database.db.select({ id: records.id }).from(records).where(inPartnership(A.policeAsb!, records));
    expect(names(rows)).toEqual(['councilRecord', 'housingRecord', 'policeAsbRecord', 'policeIomRecord']);
    const other = await t.database.db.select({ id: records.id }).from(records).where(inPartnership(A.other!, records));
    expect(names(other)).toEqual(['neighbouringRecord']);
  });
});

describe('owner team and grants', () => {
  it('gives the owning team edit, a team grant its level, and an organisation grant to every team of it', async () => {
    expect(await levels(A.policeAsb!)).toEqual({
      policeAsbRecord: 'edit', // owner
      councilRecord: 'view', // organisation-wide view grant to the police
      neighbouringRecord: null, // other partnership, despite a grant row
      policeIomRecord: 'edit', // a view and an edit grant: edit wins
      housingRecord: null,
    });
    expect(await visible(A.policeAsb!)).toEqual(['councilRecord', 'policeAsbRecord', 'policeIomRecord']);
    expect(await editable(A.policeAsb!)).toEqual(['policeAsbRecord', 'policeIomRecord']);
  });

  it('covers another team of the same organisation only through the organisation-wide grant', async () => {
    expect(await levels(A.policeIom!)).toEqual({ policeAsbRecord: null, councilRecord: 'view', neighbouringRecord: null, policeIomRecord: 'edit', housingRecord: null });
    expect(await visible(A.policeIom!)).toEqual(['councilRecord', 'policeIomRecord']);
    expect(await editable(A.policeIom!)).toEqual(['policeIomRecord']);
  });

  it('lets a team with a view grant view but not edit', async () => {
    expect(await levels(A.councilCs!)).toEqual({ policeAsbRecord: 'view', councilRecord: 'edit', neighbouringRecord: null, policeIomRecord: null, housingRecord: null });
    expect(await visible(A.councilCs!)).toEqual(['councilRecord', 'policeAsbRecord']);
    expect(await editable(A.councilCs!)).toEqual(['councilRecord']);
  });

  it('does not pass a team grant to a sibling team of the same organisation', async () => {
    expect(await levels(A.councilEh!)).toEqual({ policeAsbRecord: null, councilRecord: null, neighbouringRecord: null, policeIomRecord: null, housingRecord: null });
    expect(await visible(A.councilEh!)).toEqual([]);
    expect(await editable(A.councilEh!)).toEqual([]);
  });

  it('lets an organisation-wide edit grant edit', async () => {
    expect(await levels(A.housing!)).toEqual({ policeAsbRecord: 'edit', councilRecord: null, neighbouringRecord: null, policeIomRecord: null, housingRecord: 'edit' });
    expect(await visible(A.housing!)).toEqual(['housingRecord', 'policeAsbRecord']);
    expect(await editable(A.housing!)).toEqual(['housingRecord', 'policeAsbRecord']);
  });

  it('shows another partnership nothing of this one, even where a grant row names its team or organisation', async () => {
    expect(await levels(A.other!)).toEqual({ policeAsbRecord: null, councilRecord: null, neighbouringRecord: 'edit', policeIomRecord: null, housingRecord: null });
    expect(await visible(A.other!)).toEqual(['neighbouringRecord']);
    expect(await editable(A.other!)).toEqual(['neighbouringRecord']);
  });

  it('agrees between the list predicate and the single-record level for every actor and record', async () => {
    for (const [who, a] of Object.entries(A)) {
      const level = await levels(a);
      const seen = await visible(a);
      const edits = await editable(a);
      expect(seen, who).toEqual(Object.keys(level).filter((k) => level[k] !== null).sort());
      expect(edits, who).toEqual(Object.keys(level).filter((k) => effectiveLevel(a, level[k] ?? null) === 'edit').sort());
    }
  });
});

describe('read-only users and tokens', () => {
  it('never lets a read-only user edit, though they see what their team sees', async () => {
    const a = A.policeAsbReadOnly!;
    expect(await visible(a)).toEqual(await visible(A.policeAsb!));
    expect(await editable(a)).toEqual([]);
    const level = await levels(a);
    expect(level.policeAsbRecord).toBe('edit');
    expect(effectiveLevel(a, level.policeAsbRecord!)).toBe('view');
    expect(effectiveLevel(a, level.councilRecord!)).toBe('view');
    expect(effectiveLevel(a, level.housingRecord ?? null)).toBeNull();
  });

  it('never lets a read-only API token edit, while a write token edits like its team', async () => {
    expect(await visible(A.readToken!)).toEqual(['councilRecord', 'policeAsbRecord', 'policeIomRecord']);
    expect(await editable(A.readToken!)).toEqual([]);
    expect(effectiveLevel(A.readToken!, 'edit')).toBe('view');
    // A token that claims a writing role but is marked read-only still cannot edit.
    const mislabelled = { ...A.readToken!, role: 'practitioner' as const };
    expect(await editable(mislabelled)).toEqual([]);

    expect(await editable(A.writeToken!)).toEqual(['policeAsbRecord', 'policeIomRecord']);
    expect(effectiveLevel(A.writeToken!, 'edit')).toBe('edit');
  });

  it('changes nothing when an update is scoped by canEdit for someone who may only view', async () => {
    const target = R.councilRecord!;
    const untouched = await t.database.db
      .update(records)
      .set({ ownerTeamId: A.policeAsb!.teamId })
      .where(and(eq(records.id, target), canEdit(A.policeAsb!, records, accessList)))
      .returning({ id: records.id });
    expect(untouched).toEqual([]);
    const [row] = await t.database.db.select().from(records).where(eq(records.id, target));
    expect(row!.ownerTeamId).toBe(A.councilCs!.teamId);
  });
});

describe('report visibility', () => {
  /** The notes whose content the actor may read, among those on records they can see. */
  async function readable(actor: Actor) {
    return names(await t.database.db
      .select({ id: notes.id })
      .from(notes)
      .innerJoin(records, eq(records.id, notes.recordId))
      .where(and(canView(actor, records, accessList), canReadContent(actor, notes))));
  }
  /** The notes the actor sees only as a stub: on a record they can see, content withheld. */
  async function stubs(actor: Actor) {
    return names(await t.database.db
      .select({ id: notes.id })
      .from(notes)
      .innerJoin(records, eq(records.id, notes.recordId))
      .where(and(canView(actor, records, accessList), not(canReadContent(actor, notes)))));
  }

  it('shows the author every note they wrote', async () => {
    expect(await readable(A.policeAsb!)).toEqual(['councilShared', 'private', 'shared', 'team']);
    expect(await stubs(A.policeAsb!)).toEqual(['councilTeam']);
  });

  it('shows a team note to the author\'s team but a private note to the author alone', async () => {
    // Same team as the author, a different person.
    expect(await readable(A.policeAsbReadOnly!)).toEqual(['councilShared', 'shared', 'team']);
    expect(await stubs(A.policeAsbReadOnly!)).toEqual(['councilTeam', 'private']);
    expect(await readable(A.writeToken!)).toEqual(['councilShared', 'shared', 'team']);
  });

  it('shows a shared note to everyone who can see the record, and only them', async () => {
    expect(await readable(A.councilCs!)).toEqual(['councilShared', 'councilTeam', 'shared']);
    expect(await stubs(A.councilCs!)).toEqual(['private', 'team']);
    expect(await readable(A.housing!)).toEqual(['shared']);
    expect(await stubs(A.housing!)).toEqual(['private', 'team']);
    // IOM can see the council's record but not police ASB's: no note of it at all, not even a stub.
    expect(await readable(A.policeIom!)).toEqual(['councilShared']);
    expect(await stubs(A.policeIom!)).toEqual(['councilTeam']);
  });

  it('shows another partnership no note at all, not even a stub', async () => {
    expect(await readable(A.other!)).toEqual([]);
    expect(await stubs(A.other!)).toEqual([]);
    expect(await readable(A.councilEh!)).toEqual([]);
  });

  it('checks content visibility on its own, separately from the parent record', async () => {
    const rows = await t.database.db.select({ id: notes.id }).from(notes).where(and(inArray(notes.id, [N.team!, N.private!]), canReadContent(A.councilCs!, notes)));
    expect(rows).toEqual([]);
  });
});

describe('grants with an expiry', () => {
  it('give their level until they expire and nothing from that moment, with no sweep', async () => {
    const db = t.database.db;
    R.expiringRecord = uuidv7();
    const housing = at('Demo Housing Association/Tenancy team');
    await db.insert(records).values({ id: R.expiringRecord, ownerTeamId: housing.teamId, partnershipId: housing.partnershipId });
    // Council community safety held edit until a minute ago; police IOM holds it for another hour.
    await db.execute(sql`insert into test_record_access (record_id, team_id, level, expires_at) values
      (${R.expiringRecord}, ${A.councilCs!.teamId}, 'edit', now() - interval '1 minute'),
      (${R.expiringRecord}, ${A.policeIom!.teamId}, 'edit', now() + interval '1 hour')`);
    expect((await levels(A.councilCs!)).expiringRecord).toBeNull();
    expect(await visible(A.councilCs!)).not.toContain('expiringRecord');
    expect(await editable(A.councilCs!)).not.toContain('expiringRecord');
    expect((await levels(A.policeIom!)).expiringRecord).toBe('edit');
    expect(await visible(A.policeIom!)).toContain('expiringRecord');
    expect(await editable(A.policeIom!)).toContain('expiringRecord');
  });

  it('count the same for deciding who hears of a change, which also stays inside the partnership', async () => {
    const hears = async (a: Actor, record: string) => {
      const id = R[record]!;
      const rows = await t.database.db.execute<{ ok: boolean }>(sql`select ${teamCanView('profile', sql`${id}::uuid`, sql`${a.teamId}::uuid`, sql`${a.organisationId}::uuid`)} as ok`);
      return rows.rows[0]!.ok;
    };
    // teamCanView reads the real profile tables: a police ASB profile, shared as below.
    const created = await (await t.as('police.asb@concord.test')).post('/api/v1/profiles', { firstName: 'Expiry', lastName: 'Grantson', reasonCreated: 'Testing grants that expire' });
    expect(created.statusCode).toBe(201);
    const profileId = created.json().id as string;
    R.policeProfile = profileId;
    await t.database.db.execute(sql`insert into profile_access (id, record_id, team_id, level, source, expires_at) values
      (${uuidv7()}, ${profileId}, ${A.councilCs!.teamId}, 'view', 'emergency', now() - interval '1 minute'),
      (${uuidv7()}, ${profileId}, ${A.housing!.teamId}, 'view', 'emergency', now() + interval '1 hour'),
      (${uuidv7()}, ${profileId}, ${A.other!.teamId}, 'view', 'share', null)`);
    expect(await hears(A.councilCs!, 'policeProfile')).toBe(false);
    expect(await hears(A.housing!, 'policeProfile')).toBe(true);
    expect(await hears(A.policeAsb!, 'policeProfile')).toBe(true);
    expect(await hears(A.other!, 'policeProfile')).toBe(false);
  });
});
