import { main } from './main.js';

// The command line's process boundary: arguments in, text out, exit code.
const code = await main(
  process.argv.slice(2),
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
);
process.exitCode = code;
