/** What the web suite and its runner agree on: the console line that carries the results. */
export const RESULTS_PREFIX = 'archdoc-web-results ';
