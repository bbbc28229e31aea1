import { dirname, relative, resolve, sep } from 'node:path';

const modulesRoot = resolve('src/server/modules');

/** The capability a file belongs to: the first folder under src/server/modules, or null. */
function moduleOf(file) {
  const path = relative(modulesRoot, file);
  if (path.startsWith('..') || path === '') return null;
  return path.split(sep)[0];
}

/**
 * A module calls another module's service, never its queries.ts: the queries skip the access
 * checks and audit the service applies. Nested folders count as the module they sit in, so
 * `../profiles/matches/queries.ts` is refused as much as `../profiles/queries.ts`.
 */
const noForeignQueries = {
  meta: { type: 'problem', messages: { foreign: "Call the {{target}} module's service, never its queries ({{source}})." }, schema: [] },
  create(context) {
    const importer = context.filename;
    const own = moduleOf(importer);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(importer), source);
      if (!/(^|[/\\])queries(\.ts)?$/.test(target)) return;
      const targetModule = moduleOf(target);
      if (targetModule !== null && targetModule !== own) {
        context.report({ node: node.source, messageId: 'foreign', data: { target: targetModule, source } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'no-foreign-queries': noForeignQueries } };
