/**
 * How long a job will take, roughly, before it starts: its member-months (futures × agents ×
 * months) over a throughput a modest computer reaches with its workers. The demo example is
 * 60 million member-months; browsers measured about 160 million a second on two workers
 * (bench/README.md), so this errs towards saying a job is slower than it will be.
 */
import { totalPeople, type Scenario } from '$lib/sim';

/** Member-months simulated a second, for the estimate (a cautious figure). */
const MEMBER_MONTHS_PER_SECOND = 30e6;

/** A job estimated to take longer than this waits for the person to start it. */
export const LARGE_JOB_SECONDS = 60;

/** The estimated time of a scenario's full run, in seconds. */
export function estimatedSeconds(s: Scenario): number {
	const agents = Math.ceil(totalPeople(s) / s.community.peoplePerAgent);
	return (s.runs * agents * s.horizonMonths) / MEMBER_MONTHS_PER_SECOND;
}

/** "about 3 minutes", "about 22 hours", "about 4 days". */
export function durationWords(seconds: number): string {
	const units: [number, string][] = [
		[86_400, 'day'],
		[3_600, 'hour'],
		[60, 'minute']
	];
	for (const [size, name] of units) {
		if (seconds >= size * 1.5 || (size === 60 && seconds >= 60)) {
			const n = Math.round(seconds / size);
			return `about ${n} ${name}${n === 1 ? '' : 's'}`;
		}
	}
	return `about ${Math.max(1, Math.round(seconds))} seconds`;
}
