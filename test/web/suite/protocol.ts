/** What the web suites and their runners agree on: the console lines that carry results. */
export const RESULTS_PREFIX = 'archdoc-web-results ';
/** A line of the web benchmark's measurements. */
export const BENCH_PREFIX = 'archdoc-web-bench ';
