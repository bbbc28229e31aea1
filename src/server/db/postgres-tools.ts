import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A PostgreSQL program that is missing, or too old for the server: main.ts prints the message alone. */
export class PostgresToolError extends Error {}

type Tool = 'pg_dump' | 'pg_restore' | 'initdb' | 'pg_ctl';

/**
 * A PostgreSQL program, found as scripts/with-postgres.sh finds the server: Debian and Ubuntu keep
 * each major version's programs in /usr/lib/postgresql/<major>/bin; elsewhere it is on the PATH.
 * pg_dump refuses a server newer than itself and pg_restore an archive from a newer pg_dump, so
 * with `serverMajor` the same major version is preferred, then the newest newer one.
 */
export function postgresTool(tool: Tool, serverMajor?: number): string {
  const root = '/usr/lib/postgresql';
  const found = (existsSync(root) ? readdirSync(root) : [])
    .filter((version) => /^\d+$/.test(version) && existsSync(join(root, version, 'bin', tool)))
    .map((version) => ({ major: Number(version), path: join(root, version, 'bin', tool) }));
  const onPath = versionOf(tool);
  if (onPath !== null) found.push({ major: onPath, path: tool });
  if (found.length === 0) {
    throw new PostgresToolError(`${tool} was not found (in /usr/lib/postgresql/*/bin or on the PATH): install PostgreSQL's ${tool === 'pg_dump' || tool === 'pg_restore' ? 'client programs (Debian: apt-get install postgresql-client)' : 'server (Debian: apt-get install postgresql)'}.`);
  }
  found.sort((a, b) => b.major - a.major);
  if (serverMajor === undefined) return found[0]!.path;
  const usable = found.find((f) => f.major === serverMajor) ?? found.find((f) => f.major > serverMajor);
  if (!usable) {
    throw new PostgresToolError(`${tool} ${found[0]!.major} is older than the PostgreSQL ${serverMajor} server and cannot work with it: install the version ${serverMajor} client programs (Debian: apt-get install postgresql-client-${serverMajor}).`);
  }
  return usable.path;
}

/** The major version of a program on the PATH, or null when there is none. */
function versionOf(tool: Tool): number | null {
  try {
    const match = /\(PostgreSQL\) (\d+)/.exec(execFileSync(tool, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
