/**
 * What a storyline step's notes say the model shows, in a form a test can check: each claim
 * names a measure of the step's result, a direction, and what it is compared with (another
 * example run on the same seed, a fixed value, or where trust started). `says` is the words
 * in the notes that make the claim, so the notes and the check cannot drift apart.
 * Pure: reads summaries, runs nothing.
 */
import { NEVER, type Summary } from '$lib/sim';

/** A measure read from a summary. */
type ClaimMetric =
	/** Median trust over the final year. */
	| 'finalTrust'
	/** Median trust in month 60. */
	| 'trustAtYear5'
	/** Share of futures in which trust collapses. */
	| 'collapse'
	/** Share of futures co-designing or higher in the final year. */
	| 'codesign'
	/** Share of futures with final-year trust at or above the threshold. */
	| 'aboveThreshold'
	/** Share of futures that reach the trust threshold within the horizon. */
	| 'reached'
	/** Mean broken promises over the horizon. */
	| 'brokenPromises'
	/** Mean share of contributors who saw their view acted on. */
	| 'heard'
	/** Mean share of the community who took part. */
	| 'tookPart'
	/** Mean changes of provider. */
	| 'providerChanges';

export type Claim = { says: string } & (
	| {
			metric: ClaimMetric;
			direction: 'higher' | 'lower';
			/** The example (preset id) it is compared with. */
			compareTo: string;
			/** By at least this much (in the measure's units; default 0). */
			by?: number;
	  }
	| { metric: ClaimMetric; direction: 'above' | 'below'; value: number }
	/** Higher (or lower) than in every other example of `among`. */
	| { metric: ClaimMetric; direction: 'highest' | 'lowest'; among: readonly string[] }
	/** Median final-year trust against median trust in the first month. */
	| { metric: 'trust'; direction: 'rises' | 'falls' }
	/**
	 * Mean trust falls in every month in which most futures change provider, and just before
	 * each change it is lower than just before the one before (a staircase down).
	 */
	| { metric: 'trust'; direction: 'fallsAtEveryChange' }
);

/** A measure of a summary. */
function claimValue(metric: ClaimMetric, s: Summary): number {
	switch (metric) {
		case 'finalTrust':
			return s.metrics.finalTrust.p50 ?? NaN;
		case 'trustAtYear5':
			return s.series.trust.p50[Math.min(60, s.months) - 1];
		case 'collapse':
			return s.probabilities.collapse.p;
		case 'codesign':
			return s.probabilities.reachesCodesigning.p;
		case 'aboveThreshold':
			return s.probabilities.trustAboveThreshold.p;
		case 'reached': {
			const m = s.perRun.monthsToTrust;
			return m.filter((v) => v !== NEVER && v >= 1).length / Math.max(1, m.length);
		}
		case 'brokenPromises':
			return s.metrics.brokenPromises.mean ?? NaN;
		case 'heard':
			return s.metrics.heard.mean ?? NaN;
		case 'tookPart':
			return s.metrics.tookPart.mean ?? NaN;
		case 'providerChanges':
			return s.metrics.providerChanges.mean ?? NaN;
		default:
			return metric satisfies never;
	}
}

/** The months (0-based) in which most futures change provider. */
function changeMonths(s: Summary): number[] {
	return s.timeline.providerChange.flatMap((share, t) => (share > 0.5 && t > 0 ? [t] : []));
}

/** Whether the claim holds for a step's result, with what was found, in words. */
export function checkClaim(
	claim: Claim,
	own: Summary,
	example: (presetId: string) => Summary
): { holds: boolean; found: string } {
	const f = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(3));
	switch (claim.direction) {
		case 'higher':
		case 'lower': {
			const a = claimValue(claim.metric, own);
			const b = claimValue(claim.metric, example(claim.compareTo));
			const by = claim.by ?? 0;
			const holds = claim.direction === 'higher' ? a > b + by : a < b - by;
			return { holds, found: `${claim.metric} ${f(a)} against ${f(b)} (${claim.compareTo})` };
		}
		case 'above':
		case 'below': {
			const a = claimValue(claim.metric, own);
			const holds = claim.direction === 'above' ? a > claim.value : a < claim.value;
			return { holds, found: `${claim.metric} ${f(a)} against ${claim.value}` };
		}
		case 'highest':
		case 'lowest': {
			const a = claimValue(claim.metric, own);
			const others = claim.among.map((id) => claimValue(claim.metric, example(id)));
			const holds = others.every((b) => (claim.direction === 'highest' ? a > b : a < b));
			return { holds, found: `${claim.metric} ${f(a)} against ${others.map(f).join(', ')}` };
		}
		case 'rises':
		case 'falls': {
			const start = own.series.trust.p50[0];
			const end = own.metrics.finalTrust.p50 ?? NaN;
			const holds = claim.direction === 'rises' ? end > start : end < start;
			return { holds, found: `trust ${f(start)} in month 1, ${f(end)} in the final year` };
		}
		case 'fallsAtEveryChange': {
			const trust = own.series.trust.mean;
			const changes = changeMonths(own);
			const fallsEach = changes.every((t) => trust[t] < trust[t - 1]);
			const lowerEach = changes.every(
				(t, k) => k === 0 || trust[t - 1] < trust[changes[k - 1] - 1]
			);
			return {
				holds: changes.length >= 2 && fallsEach && lowerEach,
				found: `${changes.length} changes (months ${changes.map((t) => t + 1).join(', ')}); falls at each: ${fallsEach}; lower before each: ${lowerEach}`
			};
		}
		default:
			return claim satisfies never;
	}
}
