/**
 * The scenario list of the sweep and sensitivity pages: the library's scenarios, and which
 * one to start with (the one in the address if it is there, else a default example).
 */
import type { ScenarioRecord } from '$lib/db/db';
import { ensureLibrary } from '$lib/db/ready';

export interface ScenarioChoice {
	records: ScenarioRecord[];
	/** The chosen scenario's id ('' when the library is empty). */
	scenarioId: string;
	/** A message for the person: the library could not be read, or the asked-for one is gone. */
	message: string | null;
}

export async function chooseScenario(
	wanted: string | null,
	fallbackId: string
): Promise<ScenarioChoice> {
	const opened = await ensureLibrary();
	if (!opened.ok) return { records: [], scenarioId: '', message: opened.error.message };
	const list = await opened.value.listScenarios();
	if (!list.ok) return { records: [], scenarioId: '', message: list.error.message };
	const records = list.value;
	const scenarioId =
		(wanted && records.find((r) => r.id === wanted)?.id) ||
		records.find((r) => r.id === fallbackId)?.id ||
		records[0]?.id ||
		'';
	const message = wanted && scenarioId !== wanted ? 'That scenario is not in the library.' : null;
	return { records, scenarioId, message };
}
