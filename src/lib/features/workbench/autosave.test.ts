import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StorageResult } from '$lib/db/errors';
import { Autosave } from './autosave.svelte';

describe('Autosave', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	function recorder(fail: () => boolean = () => false) {
		const saved: number[] = [];
		const save = async (value: number): Promise<StorageResult<number>> => {
			if (fail()) return { ok: false, error: { kind: 'quota', message: 'The disk is full.' } };
			saved.push(value);
			return { ok: true, value };
		};
		return { saved, save };
	}

	it('saves the last of several quick edits once, after a quiet spell', async () => {
		const { saved, save } = recorder();
		const autosave = new Autosave({ save, delayMs: 500 });
		autosave.schedule(1);
		autosave.schedule(2);
		autosave.schedule(3);
		expect(autosave.state.kind).toBe('pending');
		expect(autosave.dirty).toBe(true);
		await vi.advanceTimersByTimeAsync(499);
		expect(saved).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(saved).toEqual([3]);
		expect(autosave.state.kind).toBe('saved');
		expect(autosave.dirty).toBe(false);
	});

	it('keeps a failed edit, says why, and saves it on retry', async () => {
		let full = true;
		const { saved, save } = recorder(() => full);
		const autosave = new Autosave({ save, delayMs: 100 });
		autosave.schedule(7);
		await vi.advanceTimersByTimeAsync(100);
		expect(autosave.state).toEqual({ kind: 'error', message: 'The disk is full.' });
		expect(autosave.dirty).toBe(true);
		full = false;
		await autosave.retry();
		expect(saved).toEqual([7]);
		expect(autosave.state.kind).toBe('saved');
	});

	it('saves an edit made while a save is running, after it', async () => {
		const { saved, save } = recorder();
		const autosave = new Autosave({ save, delayMs: 100 });
		autosave.schedule(1);
		const first = autosave.flush();
		autosave.schedule(2);
		await first;
		await autosave.flush();
		expect(saved).toEqual([1, 2]);
	});

	it('drops a waiting edit when told to (a restore replaces it)', async () => {
		const { saved, save } = recorder();
		const autosave = new Autosave({ save, delayMs: 100 });
		autosave.schedule(1);
		autosave.discard();
		await vi.advanceTimersByTimeAsync(200);
		expect(saved).toEqual([]);
		expect(autosave.state.kind).toBe('idle');
	});
});
