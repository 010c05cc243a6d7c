import 'fake-indexeddb/auto';
import { SlowTrustDb } from '../../../src/lib/db/db';
import { Library } from '../../../src/lib/db/library';

let counter = 0;

/** A fresh database name per test, so tests never see each other's data. */
export function freshName(): string {
	counter++;
	return `slow-trust-test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`;
}

export function freshLibrary(): Library {
	return new Library(new SlowTrustDb(freshName()));
}

/** Unwraps an ok result or fails the test with the error's message. */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
	if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
	return r.value;
}
