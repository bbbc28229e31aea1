import type { RawRequestDefaultExpression } from 'fastify';

/**
 * A path with a broken percent-escape (`%zz`, or escaped bytes that are not UTF-8) makes the
 * router refuse the request itself, before any hook runs. Such a path is read as the literal text
 * it is, so the request meets the auth guard and the route's own validation like any other.
 */
export function readableUrl(request: RawRequestDefaultExpression): string {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  try {
    decodeURIComponent(path);
    return url;
  } catch {
    return path.replaceAll('%', '%25') + (query === -1 ? '' : url.slice(query));
  }
}
