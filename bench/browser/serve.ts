/**
 * A small static file server for the browser benchmarks: serves a built folder on a free
 * local port as a static host would.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json'
};

/**
 * Serves built pages on a free local port: files as they are, `/name` from `name.html`, and
 * with a `fallback` page for any other address (as static hosts serve the app).
 */
export function serve(dir: string, fallback?: string): Promise<Server> {
	const server = createServer((req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		const isFile = (f: string) => f.startsWith(dir) && existsSync(f) && statSync(f).isFile();
		let file = [join(dir, path === '/' ? 'index.html' : path), join(dir, `${path}.html`)].find(
			isFile
		);
		if (!file && fallback) file = join(dir, fallback);
		if (!file) {
			res.writeHead(404).end('not found');
			return;
		}
		res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(res);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
