import type { FastifyInstance } from 'fastify';

// How long a connection accepted just before the server stopped listening has to send its request.
const settleMs = 1000;

/**
 * What a stopping server does with the connections it has. Fastify stops taking new connections
 * and Node closes the idle ones; a request that still arrives on a busy kept-alive connection
 * is served rather than refused (a load balancer would not retry a refused POST), and every reply
 * sent from then on says `Connection: close`, so that no kept-alive connection outlives it and
 * holds the shutdown open.
 *
 * Node counts a connection as idle until its request has been read, so one that a proxy opened
 * and wrote a POST to a moment before the server stopped listening would be reset, and the POST
 * lost. Idle connections are therefore closed only after a short settling time. (Connections the
 * kernel had accepted but Node had not yet taken are reset whatever the server does: a load
 * balancer should stop sending to an instance before it is stopped; see bench/cluster/launch.ts.)
 */
export function registerGracefulShutdown(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    const server = app.server;
    const closeIdle = server.closeIdleConnections.bind(server);
    server.closeIdleConnections = () => void setTimeout(closeIdle, settleMs).unref();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}

/**
 * Closes the app, giving requests in flight up to `graceMs` to finish before their connections
 * are cut; then the app's own close hooks stop the jobs, sweeps and listeners. Says whether any
 * request had to be cut off.
 */
export async function closeGracefully(app: FastifyInstance, graceMs: number): Promise<{ cutOff: boolean }> {
  let cutOff = false;
  const deadline = setTimeout(() => {
    cutOff = true;
    app.server.closeAllConnections();
  }, graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(deadline);
  }
  return { cutOff };
}
