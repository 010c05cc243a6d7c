/**
 * A static file server for end-to-end tests that change the served files while a page is
 * open (a new version of the app): it serves a folder as a static host would serve the
 * production build (`/model` from model.html, any other page from the 200.html fallback).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm'
};

function fileFor(root: string, pathname: string): string | null {
	const path = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
		const file = join(root, candidate);
		if (existsSync(file) && statSync(file).isFile()) return file;
	}
	return null;
}

export interface StaticServer {
	url: string;
	close: () => Promise<void>;
}

/** Serves `root` on a free port of localhost. */
export async function serveStatic(root: string): Promise<StaticServer> {
	const server: Server = createServer((request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://localhost');
		const file = fileFor(root, pathname);
		const isFile = file !== null;
		const served = file ?? (extname(pathname) === '' ? join(root, '200.html') : null);
		if (served === null || !existsSync(served)) {
			response.writeHead(404, { 'content-type': 'text/plain' });
			response.end('Not found');
			return;
		}
		response.writeHead(isFile || extname(pathname) === '' ? 200 : 404, {
			'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
			'cache-control': 'no-cache'
		});
		response.end(readFileSync(served));
	});
	await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return {
		url: `http://localhost:${address.port}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
