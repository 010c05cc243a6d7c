/** Counts and places in words for the library's messages: "3 scenarios", "Scenario 2 (“Name”), field …". */
import type { TransferIssue } from '$lib/db/transfer';

/** "1 scenario", "1,200 scenarios". */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** Where in an item a problem is: the path inside the item, without the file's own prefix. */
function fieldOf(issue: TransferIssue): string {
	return issue.path.replace(/^(scenarios\.)?\d+\.?/, '') || 'the whole item';
}

/** "Scenario 2 (“Name”), field scenario.contract.lengthMonths" */
export function issueWhere(issue: TransferIssue): string {
	const n = issue.index === undefined ? '' : `Scenario ${issue.index + 1}`;
	const name = issue.name ? ` (“${issue.name}”)` : '';
	return `${n}${name}, field ${fieldOf(issue)}`;
}
