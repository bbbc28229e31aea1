/**
 * Several Concord instances behind nginx on one PostgreSQL database, files in an S3-compatible
 * server (bench/README.md, "Several instances"):
 *
 *   bash scripts/with-postgres.sh node --import tsx bench/cluster.ts [--instances=3 --port=4600]
 *       starts them, prints the proxy's URL, and runs until Ctrl-C
 *   bash scripts/with-postgres.sh node --import tsx bench/cluster.ts --rolling [--restarts=2 --connections=10]
 *       puts load through the proxy while restarting each instance in turn (SIGTERM, wait for it
 *       to exit, start it again, wait until it answers), `restarts` times over, and counts
 *       failed requests and live update streams that came back; exits non-zero on any failure
 *
 * PostgreSQL: TEST_DATABASE_URL (as with-postgres.sh sets) or --server-url, a superuser URL on
 * which a fresh database is made and dropped at the end. nginx: Debian's (apt-get install nginx).
 */
import { parseArgs } from 'node:util';
import { signIn } from './run/server.ts';
import { rollingRestart, startCluster } from './cluster/launch.ts';
import { listen, loadWhile } from './cluster/load.ts';

const practitioner = 'police.asb@concord.test';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'server-url': { type: 'string' },
      instances: { type: 'string', default: '3' },
      port: { type: 'string', default: '4600' },
      rolling: { type: 'boolean', default: false },
      restarts: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      streams: { type: 'string', default: '20' },
      'demo-data': { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  const serverUrl = values['server-url'] ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('give --server-url, or run under scripts/with-postgres.sh');
  const started = Date.now();
  const cluster = await startCluster({
    serverUrl,
    instances: Number(values.instances),
    proxyPort: Number(values.port),
    demoData: values['demo-data'],
    logLevel: values['log-level'],
  });
  console.log(`Concord: ${cluster.url} (nginx), instances ${cluster.instances.map((i) => i.url).join(', ')}, S3 ${cluster.s3Endpoint}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const stop = async () => {
    await cluster.stop();
    process.exit(process.exitCode ?? 0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  if (!values.rolling) {
    console.log('Sign in as any demo account (see `npm run concord -- start`). Ctrl-C stops everything.');
    return;
  }

  try {
    const cookie = await signIn(cluster.instances[0]!.url, practitioner);
    const streams = Array.from({ length: Number(values.streams) }, () => listen(cluster.url, cookie));
    const restarts: string[] = [];
    const loadStarted = Date.now();
    const load = await loadWhile(cluster.url, cookie, Number(values.connections), async () => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      for (let round = 0; round < Number(values.restarts); round++) {
        await rollingRestart(cluster, (index, code) => restarts.push(`instance ${index + 1} exited ${code} at ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`));
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const reconnections = streams.reduce((n, s) => n + s.readies - 1, 0);
    const lost = streams.filter((s) => s.readies === 0).length;
    for (const s of streams) s.close();
    const seconds = (Date.now() - loadStarted) / 1000;
    console.log(restarts.join('\n'));
    console.log(`| instances | restarts | seconds | requests | req/s | p50 ms | p99 ms | max ms | non-2xx | errors | timeouts | sent again | streams | reconnections | streams never connected |`);
    console.log(`| ${cluster.instances.length} | ${restarts.length} | ${seconds.toFixed(0)} | ${load.requests} | ${load.perSecond.toFixed(0)} | ${load.p50} | ${load.p99} | ${load.max} | ${load.non2xx} | ${load.errors} | ${load.timeouts} | ${load.retried} | ${streams.length} | ${reconnections} | ${lost} |`);
    if (load.non2xx + load.errors + load.timeouts > 0) {
      console.log(`failures: ${load.samples.join(', ')}\nnginx: ${cluster.proxyLog()}`);
      process.exitCode = 1;
    }
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
