import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/connection.ts';
import { backup, BackupError, restore } from './db/backup.ts';
import { UnreadableDataDirError } from './db/diagnose.ts';
import { DataDirLockedError } from './db/lock.ts';
import { applyMigrations } from './db/migrate.ts';
import { PostgresToolError } from './db/postgres-tools.ts';
import { demoAccounts, demoPassword, demoTotpSecret, isEmpty, seedDemo } from './db/seed/demo.ts';
import { createAdmin } from './db/seed/admin.ts';
import { demoClient } from './db/seed/demo-portal.ts';
import { loadSecretKey } from './platform/auth/crypto.ts';
import { verifyAuditChain } from './platform/audit/verify.ts';
import { closeGracefully } from './platform/http/shutdown.ts';

// Under the 30 seconds a container manager or systemd gives before SIGKILL, with room to close the database.
const shutdownGraceMs = 25_000;

const usage = `Usage: npm run concord -- <command>

  start          migrate, seed the demo on first start (unless CONCORD_DEMO=false; its data set
                 unless CONCORD_DEMO_DATA=false), and serve
  migrate        apply database migrations
  seed-demo      seed the demo partnerships into an empty database
  create-admin   --email <address> --name <name> [--partnership <name>]
                 create a system administrator and print their link to choose a password
  verify-audit   check that the audit trail's hash chain is intact
  backup <file>  write the database and the uploaded files to one archive (embedded mode: with
                 Concord stopped)
  restore <file> [--force]
                 restore a backup into an empty database and data directory (--force replaces
                 what is there), then check the audit trail`;

async function open(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await applyMigrations(database);
  return database;
}

async function start(config: Config): Promise<void> {
  const database = await open(config);
  const seeded = config.demo && (await isEmpty(database));
  if (seeded) await seedDemo(database, loadSecretKey(config), { dataSet: config.demoData });
  let url = config.publicUrl ?? '';
  const app = await buildApp({ config, database, publicUrl: () => url });
  const address = await app.listen({ port: config.port, host: config.host });
  const port = Number(new URL(address).port);
  url = config.publicUrl ?? `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;

  const lines = [
    '',
    `Concord is running at ${url}`,
    `  database: ${database.mode === 'embedded' ? `embedded (PGlite) in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.demo) {
    lines.push(
      '',
      `Demo sign-ins${seeded ? ' (seeded now)' : ''} — password ${demoPassword}, authenticator secret ${demoTotpSecret} (demo only):`,
      ...demoAccounts.map((a) => `  ${a.email.padEnd(32)} ${a.jobTitle}, ${a.organisation}`),
      `Client portal: ${url}/portal, as ${demoClient.email} (${demoClient.firstName} ${demoClient.lastName}; the code is in Administration → Outbox, as admin@concord.test).`,
      ...(seeded && config.demoData ? ['Demo County holds a made-up data set: two years of an invented town\'s people, cases and reports (CONCORD_DEMO_DATA=false leaves it out).'] : []),
      'Turn the demo off with CONCORD_DEMO=false (then SESSION_SECRET and DATA_ENCRYPTION_KEY are required).',
    );
  }
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: stopping; new connections are refused and requests in flight finish`);
    const { cutOff } = await closeGracefully(app, shutdownGraceMs);
    if (cutOff) app.log.warn(`requests still running after ${shutdownGraceMs / 1000} s were cut off`);
    await database.close();
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function verifyAudit(config: Config): Promise<void> {
  const database = await open(config);
  const report = await database.db.transaction((tx) => verifyAuditChain(tx));
  await database.close();
  console.log(report.intact
    ? `Audit trail intact: ${report.checked} events checked (${report.erased} with erased values, ${report.pending} still being written).`
    : `Audit trail BROKEN at event ${report.firstBrokenSeq} (after ${report.checked} good events).`);
  process.exitCode = report.intact ? 0 : 1;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, partnership: { type: 'string' }, force: { type: 'boolean' } },
  });
  const command = positionals[0];
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate': {
      const database = await open(config);
      await database.close();
      console.log('Migrations applied.');
      return;
    }
    case 'seed-demo': {
      const database = await open(config);
      if (await isEmpty(database)) {
        await seedDemo(database, loadSecretKey(config), { dataSet: config.demoData });
        console.log('Demo partnerships seeded.');
      } else {
        console.log('The database already has partnerships; nothing seeded.');
      }
      await database.close();
      return;
    }
    case 'create-admin': {
      if (!values.email || !values.name) throw new ConfigError(usage);
      const database = await open(config);
      const link = await createAdmin(database, { email: values.email, name: values.name, partnership: values.partnership ?? 'Concord' }, config.publicUrl ?? `http://localhost:${config.port}`);
      await database.close();
      console.log(`System administrator created. Send them this link to choose a password (valid 72 hours):\n${link}`);
      return;
    }
    case 'verify-audit':
      return verifyAudit(config);
    case 'backup': {
      if (!positionals[1]) throw new ConfigError(usage);
      console.log(await backup(config, positionals[1]));
      return;
    }
    case 'restore': {
      if (!positionals[1]) throw new ConfigError(usage);
      console.log(await restore(config, positionals[1], { force: values.force ?? false }));
      return verifyAudit(config);
    }
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  if ([ConfigError, DataDirLockedError, UnreadableDataDirError, BackupError, PostgresToolError].some((kind) => error instanceof kind)) {
    console.error((error as Error).message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
