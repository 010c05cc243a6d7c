/** The scenarios of a batch on the comparison pages, checked once before any of them runs. */
import { checkScenario } from '$lib/engine/pool';
import type { Result, Scenario, ValidScenario } from '$lib/sim';

/** Every scenario validated, or the first one's problem in one line. */
export function validBatch(scenarios: readonly Scenario[]): Result<ValidScenario[], string> {
	const valid: ValidScenario[] = [];
	for (const s of scenarios) {
		const checked = checkScenario(s);
		if (!checked.ok) return checked;
		valid.push(checked.value);
	}
	return { ok: true, value: valid };
}
