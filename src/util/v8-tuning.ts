import { setFlagsFromString } from 'node:v8';

/**
 * For runs that lint many files and then end (the CLI over a folder, an audit): V8 optimises a function once it
 * has run enough — by default after 66 KB of bytecode "budget" — and a gwlint run is short as V8 sees it, so the
 * optimising compiler spends much of the run on functions that would have finished soon enough unoptimised
 * (in an audit of 2,000 files, V8's background threads were 29% of the CPU, nearly all of it TurboFan). Four
 * times the budget leaves the lukewarm ones to the baseline compiler; the hot ones are optimised a little later,
 * with more type feedback. Measured (callgrind, 300 files): the audit −7% instructions, the CLI −5.5% (−9% had
 * the flag been given at start-up, before gwlint's own modules load), the engine −6% over one pass and over
 * three; bench:audit on 2,093 files −10% CPU with one job, −12% with two; on 8,093 files no change either way.
 * Eight times was worse at 1,000 files. Not for the language server, which lives long and wants its hot paths
 * optimised soon.
 *
 * Set before any worker thread starts: a V8 flag changed at run time makes isolates created afterwards compile
 * Node's own built-in modules without their code cache (+9 ms per worker start, measured). A budget given in
 * NODE_OPTIONS or on the command line wins.
 */
const BUDGET = 4 * 67584;
let tuned = false;

export function tuneForBatch(): void {
  if (tuned) return;
  tuned = true;
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('interrupt-budget'));
  if (!given) setFlagsFromString(`--interrupt-budget=${BUDGET}`);
}
