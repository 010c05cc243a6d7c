import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../../src/lib/db/ready';
import { PRESETS } from '../../../src/lib/sim';

describe('opening one scenario for its page', () => {
	it('opens an example with the library it came from', async () => {
		const opened = await openScenario(`preset-${PRESETS[0].id}`);
		expect(opened.ok).toBe(true);
		if (!opened.ok) return;
		const { lib, record } = opened.value;
		expect(record.name).toBe(PRESETS[0].scenario.name);
		const again = await lib.getScenario(record.id);
		expect(again.ok).toBe(true);
	});

	it('says when the scenario is not in the library', async () => {
		expect(await openScenario('no-such-scenario')).toEqual({
			ok: false,
			error: { kind: 'not-found' }
		});
	});
});
