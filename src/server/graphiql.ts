/**
 * A GraphQL IDE that works offline: GraphiQL and React are served from node_modules, not a CDN,
 * so a browser on a machine without internet still gets a working IDE at /graphql.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sendError } from './httpErrors.js';

const require = createRequire(import.meta.url);
/** A file inside an installed package (their "exports" hide the UMD builds from resolve()). */
const inPackage = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

/**
 * URL path → installed file; nothing else under /graphiql/ is served. A Map, not an object
 * literal: a lookup of `constructor`, `__proto__` or `toString` in an object finds
 * Object.prototype's members (a 500 from streaming a function, cached for a day).
 */
const ASSETS = new Map<string, { file: string; type: string }>([
  ['react.js', { file: inPackage('react', 'umd/react.production.min.js'), type: 'text/javascript' }],
  ['react-dom.js', { file: inPackage('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' }],
  ['graphiql.js', { file: inPackage('graphiql', 'graphiql.min.js'), type: 'text/javascript' }],
  ['graphiql.css', { file: inPackage('graphiql', 'graphiql.min.css'), type: 'text/css' }],
]);

const EXAMPLE = `# claimgraph: where did this claim come from, and who else says so?
{
  search(text: "Syrskii") { kind id label score }
}
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>claimgraph · GraphiQL</title>
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  <link rel="stylesheet" href="/graphiql/graphiql.css" />
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE)} })
    );
  </script>
</body>
</html>`;

export function graphiqlPage(): string {
  return PAGE;
}

/** Whether a GET to /graphql comes from a browser that wants the IDE, not a GraphQL query. */
export function wantsIde(accept: string | undefined, query: Record<string, unknown>): boolean {
  return !!accept && accept.includes('text/html') && !('query' in query);
}

export function registerGraphiqlAssets(app: FastifyInstance): void {
  app.get<{ Params: { asset: string } }>('/graphiql/:asset', async (req, reply) => {
    const asset = ASSETS.get(req.params.asset);
    // Only a file found is cached; a refusal must not stick in caches for a day.
    if (!asset) return sendError(reply, 404, 'NOT_FOUND', 'No such IDE asset');
    return reply.header('content-type', `${asset.type}; charset=utf-8`).header('cache-control', 'public, max-age=86400').send(fs.createReadStream(asset.file));
  });
}
