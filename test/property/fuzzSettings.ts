/**
 * How many cases property tests run, and with which seed: a fixed-seed sample in
 * `npm test`; `npm run fuzz` sets CLAUSELINT_FUZZ_RUNS (100,000) and a fresh seed.
 */
export const FUZZ_RUNS = Number(process.env.CLAUSELINT_FUZZ_RUNS ?? 300);
export const FUZZ_SEED = process.env.CLAUSELINT_FUZZ_SEED ? Number(process.env.CLAUSELINT_FUZZ_SEED) : 20261123;
