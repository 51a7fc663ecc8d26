// Tiny static server for the built app: serves dist/ (or $DIST) on 127.0.0.1:$PORT (8099).
// Unknown paths without a file extension fall back to index.html.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(process.env.DIST ?? join(here, '..', '..', 'dist'));
const port = Number(process.env.PORT ?? 8099);
const host = process.env.HOST ?? '127.0.0.1';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

async function fileFor(urlPath) {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const path = resolve(root, rel);
  if (path !== root && !path.startsWith(root + sep)) return null; // no escaping dist/
  const s = await stat(path).catch(() => null);
  if (s?.isFile()) return path;
  if (s?.isDirectory()) return fileFor(join(urlPath, 'index.html'));
  return extname(path) ? null : join(root, 'index.html');
}

createServer(async (req, res) => {
  try {
    const path = await fileFor(new URL(req.url, 'http://x').pathname);
    const body = path && (await readFile(path));
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
  }
}).listen(port, host, () => console.log(`serving ${root} at http://${host}:${port}/`));
