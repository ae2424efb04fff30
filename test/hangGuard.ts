/**
 * Tests have no wall-clock limits (.mocharc.json `timeout: 0`): a loaded or
 * slow machine only makes them slower. What stops a run that would never end
 * is this guard: a spawned process that has not finished, or an awaited
 * message that has not come, after this long is a hang, and the test fails.
 * It is far beyond any honest run, so it never measures speed.
 */
export const HANG_GUARD_MS = 10 * 60 * 1000;
