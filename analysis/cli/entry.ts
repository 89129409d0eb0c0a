import { fileURLToPath } from 'node:url';
import { useFoldWorker } from './foldThread.js';
import { main } from './main.js';

// A reader that stops early (`clstats run ... | head`) closes the pipe: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// The estimation pass's second thread, bundled beside this file (scripts/build-cli.mjs).
useFoldWorker(fileURLToPath(new URL('./foldWorker.mjs', import.meta.url)));

// The command line's process boundary: arguments in, text out, exit code.
const code = await main(
  process.argv.slice(2),
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
);
process.exitCode = code;
