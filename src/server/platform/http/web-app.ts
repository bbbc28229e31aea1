import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { NotFoundError } from '../errors.ts';

const webRoot = fileURLToPath(new URL('../../../../dist/web', import.meta.url));

/**
 * Serves the built React apps from the API's own origin, so the strict CSP and SameSite cookies
 * hold. Any path that is not a file gets its app's index.html (the client portal's under /portal,
 * the staff app's elsewhere) and the client router decides; unknown API paths still get the JSON 404.
 */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  // The route exists either way, so the routes (and their permissions) do not depend on a build.
  const built = existsSync(webRoot);
  if (built) await app.register(fastifyStatic, { root: webRoot, serve: false });
  else app.log.warn(`web app not built (${webRoot} missing): run "npx vite build"; serving the API only`);
  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) throw new NotFoundError('API route');
    if (!built) {
      return reply.status(503).type('text/plain; charset=utf-8').send('The Concord web app has not been built. Run "bash scripts/start.sh", which builds it, or "npx vite build".');
    }
    if (path.startsWith('/assets/')) {
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(path.slice(1));
    }
    if (path !== '/' && /\.[a-z0-9]+$/i.test(path) && existsSync(`${webRoot}${path}`)) return reply.sendFile(path.slice(1));
    // The client portal is an app of its own, with its own router under /portal.
    const page = path === '/portal' || path.startsWith('/portal/') ? 'portal/index.html' : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(page);
  });
}
