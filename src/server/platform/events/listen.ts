import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

const maxReconnectDelayMs = 30_000;

/**
 * Listens on one channel on a connection of its own, outside the application's pool, for as long
 * as it is open. A dropped connection is reopened with growing pauses; what was sent while it was
 * down is not replayed, so `onState` tells the listener when it may have missed something.
 */
export async function listen(
  connection: pg.ClientConfig,
  log: Log,
  { channel, applicationName, what, onPayload, onState }: {
    channel: string;
    /** How the connection shows in `pg_stat_activity`. */
    applicationName: string;
    /** How the log names it. */
    what: string;
    onPayload: (payload: string) => void;
    /** Told when the connection is lost (false) and when it is listening again (true). */
    onState?: (up: boolean) => void;
  },
): Promise<() => Promise<void>> {
  let current: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;

  const open = async () => {
    const client = new pg.Client({ ...connection, application_name: applicationName, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload) onPayload(message.payload);
    });
    client.on('error', (error) => log.warn({ err: error }, `${what} listener lost its database connection`));
    client.on('end', () => {
      if (current !== client) return;
      current = null;
      onState?.(false);
      reconnectSoon();
    });
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      // The connection error is what matters and is thrown; failing to close a dead client adds nothing.
      await client.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await client.end();
      return;
    }
    current = client;
    onState?.(true);
  };

  const reconnectSoon = () => {
    if (closed) return;
    const delay = Math.min(maxReconnectDelayMs, 250 * 2 ** failures);
    retry = setTimeout(async () => {
      retry = null;
      try {
        await open();
        failures = 0;
        log.info(`${what} listener reconnected`);
      } catch (error) {
        failures++;
        log.warn({ err: error, retryInMs: Math.min(maxReconnectDelayMs, 250 * 2 ** failures) }, `${what} listener could not reconnect`);
        reconnectSoon();
      }
    }, delay);
  };

  await open();
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    const client = current;
    current = null;
    onState?.(false);
    await client?.end();
  };
}
