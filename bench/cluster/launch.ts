/**
 * Several Concord processes on one PostgreSQL database, behind nginx, with their files in an
 * S3-compatible server (s3rver): what bench/cluster.ts starts by hand and
 * src/server/platform/http/cluster.test.ts starts in CI.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import S3rver from 's3rver';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const bucket = 'concord-files';
// s3rver's fixed credentials.
const s3Key = 'S3RVER';

export interface ClusterOptions {
  /** A superuser URL to a PostgreSQL server; a fresh database is made on it (and dropped by stop). */
  serverUrl: string;
  instances: number;
  /** The proxy's port; 0 for a free one. Instances and the S3 server take free ports. */
  proxyPort?: number;
  logLevel?: string;
  /** Seed the demo's made-up data set too (slow); off, only the demo accounts. */
  demoData?: boolean;
  /** Extra environment for every instance. */
  env?: Record<string, string>;
}

export interface Instance {
  port: number;
  url: string;
  /** SIGTERM, and resolves with the exit code once the process has gone. */
  stop(): Promise<number | null>;
  /** Starts it again on the same port and resolves once it answers. */
  start(): Promise<void>;
  readonly running: boolean;
  /** The tail of its output, for failures. */
  output(): string;
}

export interface Cluster {
  url: string;
  databaseUrl: string;
  s3Endpoint: string;
  sessionSecret: string;
  instances: Instance[];
  /** The end of nginx's error log: why it answered 502, if it did. */
  proxyLog(): string;
  /**
   * Takes an instance out of the proxy (or puts it back): nginx reloads its configuration,
   * finishing what its old workers had started, and sends nothing new to it.
   */
  setInRotation(index: number, inRotation: boolean): Promise<void>;
  stop(): Promise<void>;
}

/** nginx from Debian; the message says how to get it, since CI must fail rather than skip without it. */
export function findNginx(): string {
  for (const path of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    if (spawnSync(path, ['-v']).status === 0) return path;
  }
  throw new Error('nginx is not installed: apt-get install -y nginx (scripts/test.sh installs it for the api stages)');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function onServer(serverUrl: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/**
 * The proxy: each request to the next instance in turn; one that cannot be connected to (stopped,
 * restarting) is passed to the next, which nginx does for a POST too, since nothing was sent.
 * No kept-alive connections to the instances: a request written to a kept-alive connection just
 * as a stopping instance closes it could be lost, where a refused new connection is retried.
 * An instance is never marked down (max_fails=0): a refused connection costs nothing to try, and
 * marking one down after a single slow answer while another restarts would leave none.
 * Live updates are streamed unbuffered and may stay open for an hour.
 */
function nginxConfig(dir: string, proxyPort: number, instancePorts: number[]): string {
  const temp = (name: string) => {
    mkdirSync(join(dir, name), { recursive: true });
    return join(dir, name);
  };
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 4096; }
# Old workers after a reload close their live update streams rather than wait an hour for them.
worker_shutdown_timeout 10s;
http {
  access_log off;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  client_max_body_size 30m;
  upstream concord {
${instancePorts.map((port) => `    server 127.0.0.1:${port} max_fails=0;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${proxyPort};
    location / {
      proxy_pass http://concord;
      proxy_http_version 1.1;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries ${instancePorts.length};
      proxy_connect_timeout 2s;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

/** Waits for a line on a child's output, or fails with what it printed. */
function waitFor(child: ChildProcess, pattern: RegExp, output: () => string, what: string, ms = 180_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${ms / 1000} s:\n${output()}`)), ms);
    const check = () => {
      const found = pattern.exec(output());
      if (!found) return;
      clearTimeout(timer);
      child.off('exit', exited);
      resolve(found[1] ?? found[0]);
    };
    const exited = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before it was ready:\n${output()}`));
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', exited);
    check();
  });
}

function concordInstance(port: number, env: Record<string, string>): Instance {
  let child: ChildProcess | null = null;
  let log = '';
  const instance: Instance = {
    port,
    url: `http://127.0.0.1:${port}`,
    get running() {
      return child !== null && child.exitCode === null;
    },
    output: () => log,
    async start() {
      log = '';
      const dataDir = mkdtempSync(join(tmpdir(), 'concord-cluster-instance-'));
      const started = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'start'], {
        cwd: root,
        env: { ...process.env, ...env, PORT: String(port), CONCORD_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
      started.stdout!.on('data', keep);
      started.stderr!.on('data', keep);
      started.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
      await waitFor(started, /Concord is running at/, () => log, `Concord on port ${port}`);
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return running?.exitCode ?? null;
      const exited = once(running, 'exit') as Promise<[number | null]>;
      running.kill('SIGTERM');
      return (await exited)[0];
    },
  };
  return instance;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const nginx = findNginx();
  const dir = mkdtempSync(join(tmpdir(), 'concord-cluster-'));
  const databaseName = `concord_cluster_${randomBytes(5).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(options.serverUrl), { pathname: `/${databaseName}` }).toString();
  const sessionSecret = randomBytes(32).toString('hex');
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await onServer(options.serverUrl, `create database ${databaseName}`);
    stops.push(() => onServer(options.serverUrl, `drop database if exists ${databaseName} with (force)`));

    const s3Port = await freePort();
    const s3 = new S3rver({ port: s3Port, address: '127.0.0.1', directory: join(dir, 's3'), silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
    await s3.run();
    stops.push(() => s3.close());
    const s3Endpoint = `http://127.0.0.1:${s3Port}`;

    const env: Record<string, string> = {
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      CONCORD_DEMO: 'true',
      CONCORD_DEMO_DATA: options.demoData ? 'true' : 'false',
      // The same secrets everywhere: a session signed by one instance is read by the others.
      SESSION_SECRET: sessionSecret,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      TRUST_PROXY: 'true',
      LOG_LEVEL: options.logLevel ?? 'warn',
      FILE_STORAGE: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: s3Endpoint,
      S3_ACCESS_KEY_ID: s3Key,
      S3_SECRET_ACCESS_KEY: s3Key,
      S3_FORCE_PATH_STYLE: 'true',
      ...options.env,
    };
    const instances: Instance[] = [];
    for (let i = 0; i < options.instances; i++) instances.push(concordInstance(await freePort(), env));
    stops.push(async () => Promise.all(instances.map((instance) => instance.stop())));
    // The first migrates and seeds; the others then start together on a ready database.
    await instances[0]!.start();
    await Promise.all(instances.slice(1).map((instance) => instance.start()));

    const proxyPort = options.proxyPort || (await freePort());
    const inRotation = new Set(instances.map((_, index) => index));
    const writeConfig = () => writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, proxyPort, instances.filter((_, index) => inRotation.has(index)).map((instance) => instance.port)));
    writeConfig();
    const proxy = spawn(nginx, ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let proxyOutput = '';
    proxy.stdout.on('data', (chunk: Buffer) => (proxyOutput += chunk.toString()));
    proxy.stderr.on('data', (chunk: Buffer) => (proxyOutput += chunk.toString()));
    stops.push(async () => {
      if (proxy.exitCode !== null) return;
      const exited = once(proxy, 'exit');
      proxy.kill('SIGTERM');
      await exited;
    });
    const url = `http://127.0.0.1:${proxyPort}`;
    for (let tries = 0; ; tries++) {
      if (proxy.exitCode !== null) throw new Error(`nginx stopped (exit ${proxy.exitCode}):\n${proxyOutput}`);
      const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (tries > 100) throw new Error(`nginx did not answer on ${url}:\n${proxyOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const proxyLog = () => {
      try {
        // A refused connection is expected while an instance restarts, and passed to another.
        return readFileSync(join(dir, 'error.log'), 'utf8').split('\n').filter((line) => line && !line.includes('Connection refused')).slice(-20).join('\n');
      } catch {
        return '';
      }
    };
    const setInRotation = async (index: number, wanted: boolean) => {
      if (wanted) inRotation.add(index);
      else inRotation.delete(index);
      writeConfig();
      proxy.kill('SIGHUP');
      // nginx starts new workers and lets the old ones finish; a second is ample on one machine.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    };
    return { url, databaseUrl, s3Endpoint, sessionSecret, instances, proxyLog, setInRotation, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Restarts each instance in turn as a deployment would: out of the proxy's rotation, SIGTERM and
 * wait for it to exit, start it again and wait until it answers, back into rotation.
 * Taking it out first matters: connections the kernel has queued for a server that closes its
 * listening socket are reset, and the proxy cannot safely retry a POST it had already sent.
 */
export async function rollingRestart(cluster: Cluster, onEach?: (index: number, exitCode: number | null) => void): Promise<void> {
  for (const [index, instance] of cluster.instances.entries()) {
    await cluster.setInRotation(index, false);
    const code = await instance.stop();
    onEach?.(index, code);
    await instance.start();
    await cluster.setInRotation(index, true);
  }
}
