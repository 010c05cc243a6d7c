/**
 * What the sweep page knows and does: the scenario, the two axes (lever, number of values,
 * range), the futures per cell and what the colour shows; the sweep; goal seeking (lever,
 * outcome, target) and its answer, drawn on the sweep when its lever is on an axis.
 */
import {
	axisValues,
	DEFAULT_SWEEP_METRIC,
	DEFAULT_SWEEP_X,
	DEFAULT_SWEEP_Y,
	formatParam,
	GOAL_LEVERS,
	goalAnswerText,
	isSweepProbability,
	sweepMetricInfo,
	uniformSweep,
	leverValues,
	type GoalStep,
	type SweepMetric,
	type SweepProbability
} from '$lib/analysis';
import { fmtPct, inSentence } from '$lib/charts/format';
import type { SimPool } from '$lib/engine/pool';
import { getParam, PARAMS, paramSpec, type ParamSpec } from '$lib/sim';
import { AnalysisPage } from './analysis-page.svelte';
import { GoalSeekRun } from './goal.svelte';
import { SweepRun } from './sweep.svelte';

/** The parameters an axis may sweep: every one but the simulation's own settings. */
export const AXIS_PARAMS = PARAMS.filter(
	(p) => p.group !== 'Simulation' && p.path !== 'community.peoplePerAgent'
);

/** Goal seeking's outcomes, in the words of its question. */
export const GOAL_OUTCOMES: readonly { key: SweepProbability; words: string }[] = [
	{ key: 'trustAboveThreshold', words: 'has trust at or above the threshold in the final year' },
	{ key: 'reachesCodesigning', words: 'has the community co-designing in the final year' }
];

export type AxisKey = 'x' | 'y';

/** Values per axis: 2 to 15 (an empty or odd entry counts as 2). */
export function clampCount(n: number): number {
	return Math.min(15, Math.max(2, Math.floor(Number.isFinite(n) ? n : 2)));
}

/** Where goal seeking's answer is drawn on the sweep. */
export interface GoalMark {
	axis: AxisKey;
	value: number;
	/** The scenario's value of the other lever (a ring is drawn there). */
	other: number;
	label: string;
}

export class SweepPage extends AnalysisPage {
	/** The two axes: which lever each sweeps, and over how many values. */
	axes = $state({
		x: { path: DEFAULT_SWEEP_X, count: 6 },
		y: { path: DEFAULT_SWEEP_Y, count: 6 }
	});
	/** Ranges chosen per lever (default: its whole documented range). */
	ranges = $state<Record<string, { from: number; to: number }>>({});
	runs = $state(200);
	/** What the sweep's colour shows. */
	metric = $state<SweepMetric>(DEFAULT_SWEEP_METRIC);
	/** The chance goal seeking aims at. */
	probability = $state<SweepProbability>('trustAboveThreshold');
	/** The target chance, in percent. */
	target = $state(80);
	goalPath = $state(GOAL_LEVERS[0].path);

	/** The runs (the base class's pool exists before these fields are set). */
	readonly sweep = new SweepRun(this.pool.get);
	readonly goal = new GoalSeekRun(this.pool.get);

	readonly specs = $derived({
		x: paramSpec(this.axes.x.path) as ParamSpec,
		y: paramSpec(this.axes.y.path) as ParamSpec
	});
	readonly goalSpec = $derived(paramSpec(this.goalPath) as ParamSpec);
	readonly sameAxes = $derived(this.axes.x.path === this.axes.y.path);
	/** For each cell, the cell whose result stands in for it (see `SweepRun.display`). */
	readonly display = $derived.by(() => {
		void this.sweep.cells;
		return this.sweep.display();
	});
	/**
	 * When a finished (or cancelled) sweep shows one value in every cell: what to say, and a
	 * measure that does vary between its cells to offer instead (null when none does).
	 */
	readonly uniform = $derived.by(() => {
		const status = this.sweep.status;
		if (status !== 'done' && status !== 'cancelled') return null;
		const u = uniformSweep(this.sweep.cells, this.metric);
		if (!u) return null;
		const all = u.count === this.sweep.cells.length ? `All ${u.count}` : `All ${u.count} run`;
		const suggest = u.suggest ? sweepMetricInfo(u.suggest) : null;
		return {
			text: suggest
				? `${all} cells are ${u.text}: try colouring by ${inSentence(suggest.label)}, which does vary between them.`
				: `${all} cells are ${u.text}, and so is every other measure: these two levers, over these ranges, make no difference to this scenario. Try wider ranges or other levers; the sensitivity page ranks the levers by how much each moves trust.`,
			suggest
		};
	});
	/** The goal-seeking answer, drawn on the sweep when its lever is on an axis. */
	readonly goalMark = $derived.by((): GoalMark | null => {
		const r = this.goal.result;
		const setup = this.goal.setup;
		const sw = this.sweep.setup;
		if (!r || r.kind !== 'found' || !setup || !sw) return null;
		const spec = paramSpec(setup.path);
		if (!spec) return null;
		const label = `Goal: ${formatParam(spec, r.value)}`;
		if (setup.path === sw.x.path)
			return { axis: 'x', value: r.value, other: getParam(setup.base, sw.y.path), label };
		if (setup.path === sw.y.path)
			return { axis: 'y', value: r.value, other: getParam(setup.base, sw.x.path), label };
		return null;
	});
	/**
	 * Cells of the sweep's row (or column) at the scenario's other lever that lie below the
	 * goal-seeking answer yet show the target reached: a sign that the chance does not rise
	 * steadily with the lever, or of Monte Carlo noise in a small cell.
	 */
	readonly lowerHits = $derived.by(() => {
		const mark = this.goalMark;
		const sw = this.sweep.setup;
		const setup = this.goal.setup;
		if (!mark || !sw || !setup) return [];
		const along = mark.axis === 'x' ? sw.x : sw.y;
		const across = mark.axis === 'x' ? sw.y : sw.x;
		const k = across.values.indexOf(mark.other);
		if (k < 0) return [];
		const nx = sw.x.values.length;
		const spec = paramSpec(setup.path);
		if (!spec) return [];
		const out: { text: string; p: number }[] = [];
		along.values.forEach((v, n) => {
			if (v >= mark.value) return;
			const c = this.sweep.cells[mark.axis === 'x' ? k * nx + n : n * nx + k];
			const pr = c?.[setup.probability];
			if (pr && pr.p >= setup.target) out.push({ text: formatParam(spec, v), p: pr.p });
		});
		return out;
	});
	/** Goal seeking's answer in a sentence; null until it has one. */
	readonly goalAnswer = $derived.by(() => {
		const r = this.goal.result;
		const setup = this.goal.setup;
		const spec = setup && paramSpec(setup.path);
		return r && setup && spec ? goalAnswerText(r, setup, spec) : null;
	});

	constructor(createPool?: () => SimPool) {
		super('preset-towards', createPool);
	}

	rangeOf(spec: ParamSpec): { from: number; to: number } {
		return this.ranges[spec.path] ?? { from: spec.min, to: spec.max };
	}

	/** Sets one end of a lever's range, kept within its documented range. */
	setRange(spec: ParamSpec, end: 'from' | 'to', value: number): void {
		const r = this.rangeOf(spec);
		const v = Number.isFinite(value)
			? Math.min(spec.max, Math.max(spec.min, value))
			: spec[end === 'from' ? 'min' : 'max'];
		this.ranges = { ...this.ranges, [spec.path]: { ...r, [end]: v } };
	}

	/** Colours the sweep by another measure (as choosing it under "Colour shows" does). */
	showMetric(m: SweepMetric): void {
		this.metric = m;
		this.metricChanged();
	}

	/** A chance shown on the sweep is the one goal seeking then aims at. */
	metricChanged(): void {
		if (isSweepProbability(this.metric)) this.probability = this.metric;
	}

	/** An axis of the sweep as the form sets it: its lever and the values to run. */
	sweepAxis(which: AxisKey): { path: string; values: number[] } {
		const spec = this.specs[which];
		const { from, to } = this.rangeOf(spec);
		return {
			path: this.axes[which].path,
			values: axisValues(spec, clampCount(this.axes[which].count), from, to)
		};
	}

	startSweep(): void {
		if (!this.record || this.sameAxes) return;
		void this.sweep.run(this.record.scenario, this.sweepAxis('x'), this.sweepAxis('y'), this.runs);
	}

	startGoal(): void {
		if (!this.record) return;
		void this.goal.run({
			base: this.record.scenario,
			path: this.goalPath,
			values: leverValues(this.goalSpec),
			target: this.target / 100,
			probability: this.probability,
			runSchedule: [this.runs, this.runs * 4]
		});
	}

	/** One value goal seeking tried, in a sentence. */
	stepText(s: GoalStep): string {
		const verdict =
			s.verdict === 'meets'
				? 'meets the goal'
				: s.verdict === 'fails'
					? 'falls short'
					: 'unclear, counted as not meeting it';
		return `${formatParam(this.goalSpec, s.value)}: ${fmtPct(s.p)} ± ${(s.se * 100).toFixed(1)} points over ${s.n} futures (95% sure it is at least ${fmtPct(s.lower)}) — ${verdict}.`;
	}

	override dispose(): void {
		this.sweep.cancel();
		this.goal.cancel();
		super.dispose();
	}
}
