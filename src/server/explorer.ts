/**
 * The explorer (web/, bundled by Vite into web/dist/) served at `/`: its page and its hashed
 * assets, nothing else. Files are served from an allow-list read off web/dist/assets, so no request
 * path reaches the file system; the page's Content-Security-Policy lets it load and call only this
 * server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sendError } from './httpErrors.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.map': 'application/json' };

/** Scripts and styles from this server only; images may be data: and blob: URLs (exports); calls go to this server. */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Cytoscape and uPlot size their elements with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>claimgraph</title></head><body>
<h1>The explorer is not built yet</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it), then reload. The GraphQL API is at <a href="/graphql">/graphql</a>.</p></body></html>`;

/** The assets of the current build, by file name (read again when an unknown one is asked for: a rebuild). */
function assetList(): Map<string, string> {
  const dir = path.join(WEB_DIST, 'assets');
  if (!fs.existsSync(dir)) return new Map();
  return new Map(
    fs
      .readdirSync(dir)
      .filter((f) => TYPES[path.extname(f)])
      .map((f) => [f, path.join(dir, f)]),
  );
}

export function registerExplorer(app: FastifyInstance): void {
  let assets = assetList();
  const page = async (_req: unknown, reply: import('fastify').FastifyReply) => {
    const index = path.join(WEB_DIST, 'index.html');
    reply.header('content-security-policy', EXPLORER_CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('cache-control', 'no-cache');
    if (!fs.existsSync(index)) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.type('text/html; charset=utf-8').send(fs.readFileSync(index, 'utf8'));
  };
  app.get('/', page);
  app.get('/index.html', page);
  app.get<{ Params: { file: string } }>('/assets/:file', async (req, reply) => {
    const file = assets.get(req.params.file) ?? (assets = assetList()).get(req.params.file);
    if (!file) return sendError(reply, 404, 'NOT_FOUND', 'No such asset');
    return (
      reply
        .header('content-type', `${TYPES[path.extname(file)]}; charset=utf-8`)
        .header('x-content-type-options', 'nosniff')
        // Vite names assets by content hash: a name never changes meaning.
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(fs.createReadStream(file))
    );
  });
}
