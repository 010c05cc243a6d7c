/**
 * Saving a file through the browser's download, and turning an SVG into a PNG through a
 * canvas. No network request: everything stays in the browser.
 */

/** Saves a blob as a file. */
export function downloadBlob(fileName: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// Give the browser time to start the download before the address is released.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text as a file. */
export function downloadText(fileName: string, text: string, type: string): void {
	downloadBlob(fileName, new Blob([text], { type }));
}

/**
 * A file name from a title: lower case, words joined by hyphens, only letters, digits and
 * hyphens, at most 60 characters; `fallback` when nothing is left.
 */
export function fileSlug(title: string, fallback = 'slow-trust'): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
	return slug || fallback;
}

/**
 * Draws an SVG document on a canvas at `scale` times its size (2 for slides) and returns
 * the PNG. The SVG must be standalone (no external resources), as `composeSvg` makes it.
 */
export async function svgToPng(
	svg: string,
	width: number,
	height: number,
	scale = 2
): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.decoding = 'async';
		const loaded = new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
		});
		img.src = url;
		await loaded;
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('This browser cannot draw images.');
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new Error('The image could not be made.'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Width and height of a PNG from its IHDR header, or null when it is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
	const sig = [137, 80, 78, 71, 13, 10, 26, 10];
	if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}
