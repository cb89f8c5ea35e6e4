/* global process, global */
// Preloaded into the language server by the memory tests only: on SIGUSR2 it collects garbage
// and writes the process's memory figures to stderr, which the LSP protocol does not use.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  process.stderr.write(`ARCHDOC_MEMORY ${JSON.stringify(process.memoryUsage())}\n`);
});
