import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createGuardrails, generate } from 'otplib';
import { demoPassword, demoTotpSecret } from '../../src/server/db/seed/demo.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Concord as `npm start` would, on the given database, on a free port, and waits until
 * /healthz answers. Its log is kept only to show if it fails to start.
 */
export async function startServer(databaseUrl: string, sessionSecret: string, logLevel: string): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'start'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', CONCORD_DEMO: 'true', SESSION_SECRET: sessionSecret, LOG_LEVEL: logLevel },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Concord did not start within 10 minutes:\n${output}`)), 600_000);
    child.stdout!.on('data', () => {
      const found = /Concord is running at (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Concord exited with ${code} before it was ready:\n${output}`));
    });
  });
  const health = await fetch(`${url}/healthz`);
  if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** The TOTP code for a 30-second step. */
const codeAt = (step: number) => generate({ secret: demoTotpSecret, epoch: step * 30, guardrails });

/**
 * Signs a demo account in and returns its cookie header. A code works once per account, so if
 * this step's code was just used (a run started moments after the last), it waits for the next.
 */
export async function signIn(url: string, email: string): Promise<string> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const step = Math.floor(Date.now() / 30_000) + attempt;
    if (attempt > 0) await new Promise((r) => setTimeout(r, step * 30_000 - Date.now() + 100));
    const response = await fetch(`${url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: demoPassword, totp: await codeAt(step) }),
    });
    if (response.ok) return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    if (response.status !== 401) throw new Error(`signing in ${email} failed: ${response.status} ${await response.text()}`);
  }
  throw new Error(`signing in ${email} failed twice: is the database seeded with SESSION_SECRET as the server is started?`);
}

/** The CSRF token a cookie-authenticated change must echo, from the cookie header. */
export const csrfOf = (cookie: string) => /concord_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
