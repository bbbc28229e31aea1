import type { FastifyInstance } from 'fastify';
import type { FastifyContextConfig } from 'fastify';
import type { ActorKind } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';

export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission | undefined;
  actors: readonly ActorKind[];
}

/**
 * The kinds of actor a route serves: what it declares, or else staff users on a signed-in route
 * and anyone on a public one (which never looks the caller up).
 */
export function actorsOf(config: FastifyContextConfig | undefined): readonly ActorKind[] {
  return config?.actors ?? (config?.permission === 'public' ? ['public'] : ['user']);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route with the permission it declares, for the deny-by-default test. */
    routeCatalogue: RouteEntry[];
  }
}

/**
 * Records each route as it is registered. The interactive API docs are a third-party plugin
 * that cannot declare permissions itself; they are public, like the OpenAPI document.
 */
export function catalogueRoutes(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs') && !route.config?.permission) {
      route.config = { ...route.config, permission: 'public' };
    }
    const actors = actorsOf(route.config);
    // The guard reads one kind of credential for a route: the portal cookie for clients, staff's otherwise.
    if (actors.includes('client') && (actors.length > 1 || route.config?.permission !== 'client')) {
      throw new Error(`${route.url}: a route for clients declares permission 'client' and actors ['client'], nothing else`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({ method, url: route.url, permission: route.config?.permission, actors });
    }
  });
  return routes;
}
