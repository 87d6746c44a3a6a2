// The shape of bench/results/<N>.json, read back by bench/chart.ts.
import type { Throughput } from './extraction.ts';
import type { PageWeights } from './page-weights.ts';

export interface RunFigures {
  ok: boolean;
  /** Why the run has no figures or stopped: exit code, timeout, the phase it was in. */
  note?: string;
  wallS: number;
  /** The whole process tree at its largest (Pagefind's process included). */
  peakTreeRssMb: number;
  /** GNU time: the largest single process. */
  maxRssMb: number | null;
  /** User + system CPU seconds (GNU time). */
  cpuS: number | null;
}

export interface PhaseFigures {
  seconds: number;
  /** Whole process tree during the phase. */
  peakTreeRssMb: number;
}

export interface BenchResult {
  n: number;
  seed: number;
  startedAt: string;
  commit: string | null;
  /** True when the working tree had changes to src/, templates/ or public/ when it ran. */
  dirty: boolean;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; os: string };
  /** 1-minute load average before and after the run: other work on the machine slows the wall times. */
  load: { before: number; after: number };
  corpus: { files: number; megabytes: number };
  extraction: { oneCore: Throughput; allCores: Throughput };
  coldBuild: RunFigures & { summary: string };
  /** The phases timed inside one separate run of the same calls, for each phase's memory peak (the build prints its own times, in `summary`). */
  phases: { ok: boolean; note?: string; wallS: number; extract?: PhaseFigures; model?: PhaseFigures; render?: PhaseFigures; index?: PhaseFigures };
  /** `summary` is missing from runs made before the build said what it kept. */
  rebuild: RunFigures & { summary?: string };
  bareEleventy: RunFigures;
  /** Cold full build time over bare Eleventy build time. */
  ratio: number | null;
  pages: PageWeights | null;
}
