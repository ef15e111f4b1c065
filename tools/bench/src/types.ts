/**
 * A benchmark workload measures our code against its own baseline in the same run, and reports
 * ratios, never absolute pass/fail timings (README: speed is measured by benchmarks, not tests).
 */
export interface Measurement {
  /** Workload name, e.g. `calendar: 5,000 per-unit feeds`. */
  readonly name: string;
  /** What was measured, e.g. `liujin`, or `baseline: raw ical-generator`. */
  readonly variant: string;
  /** Median wall time over the repetitions, in milliseconds. */
  readonly medianMs: number;
  /** Items processed per run (events, pages, units), for throughput. */
  readonly items: number;
  readonly itemLabel: string;
  /** Peak resident memory during the run, in bytes, when measured. */
  readonly peakRssBytes?: number;
  /** Any other figures worth reporting (bytes per event, file size, ...). */
  readonly extra?: Readonly<Record<string, number | string>>;
}

export interface Workload {
  readonly id: string;
  readonly title: string;
  /** `quick` runs a small version (the whole `--quick` suite stays under a minute). */
  run(options: { quick: boolean; repetitions: number }): Promise<Measurement[]>;
}
