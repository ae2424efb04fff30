import * as assert from 'assert';
import { CrashDecision, RestartPolicy } from '../../client/src/restartPolicy';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The decisions for server exits at the given times (ms), in order. */
function exitsAt(policy: RestartPolicy, times: number[]): CrashDecision[] {
  return times.map((t) => policy.serverExited(t));
}

describe('restart policy (crash isolation)', () => {
  it('restarts the first four crashes within three minutes and stops at the fifth', () => {
    const decisions = exitsAt(new RestartPolicy(), [0, 10, 20, 30, 40].map((s) => s * SECOND));
    assert.deepStrictEqual(decisions, [
      { restart: true, crashesInWindow: 1, notice: 'restarted' },
      { restart: true, crashesInWindow: 2, notice: undefined },
      { restart: true, crashesInWindow: 3, notice: undefined },
      { restart: true, crashesInWindow: 4, notice: undefined },
      { restart: false, crashesInWindow: 5, notice: 'stopped' },
    ]);
  });

  it('a crash older than the window no longer counts', () => {
    const policy = new RestartPolicy({ maxRestarts: 4, windowMs: 3 * MINUTE });
    exitsAt(policy, [0, 10, 20, 30].map((s) => s * SECOND));
    // 3 min after the first crash: it has left the window, the other three have not.
    assert.deepStrictEqual(policy.serverExited(3 * MINUTE), { restart: true, crashesInWindow: 4, notice: undefined });
    assert.deepStrictEqual(policy.serverExited(3 * MINUTE + 1), { restart: false, crashesInWindow: 5, notice: 'stopped' });
  });

  it('crashes spread out over time are restarted indefinitely', () => {
    const decisions = exitsAt(new RestartPolicy({ maxRestarts: 2, windowMs: MINUTE }), [0, 1, 2, 3, 4, 5, 6, 7].map((m) => m * MINUTE));
    assert.ok(decisions.every((d) => d.restart && d.crashesInWindow === 1), JSON.stringify(decisions));
  });

  it('tells the user once per session that the server was restarted, and once that it was stopped', () => {
    const policy = new RestartPolicy({ maxRestarts: 2, windowMs: MINUTE });
    // Far apart: each is restarted, only the first is told.
    assert.deepStrictEqual(exitsAt(policy, [0, 5, 10].map((m) => m * MINUTE)).map((d) => [d.restart, d.notice]), [[true, 'restarted'], [true, undefined], [true, undefined]]);
    // Close together: the budget runs out, and that is told once.
    const burst = exitsAt(policy, [0, 1, 2, 3].map((ms) => 20 * MINUTE + ms));
    assert.deepStrictEqual(burst.map((d) => [d.restart, d.notice]), [[true, undefined], [true, undefined], [false, 'stopped'], [false, undefined]]);
    // Restarted by hand, the next crash is restarted silently: the user already knows it happens.
    policy.manualRestart();
    assert.deepStrictEqual(policy.serverExited(30 * MINUTE), { restart: true, crashesInWindow: 1, notice: undefined });
  });

  it('a manual restart gives a fresh budget, and a later stop is told again', () => {
    const policy = new RestartPolicy({ maxRestarts: 2, windowMs: MINUTE });
    assert.deepStrictEqual(exitsAt(policy, [0, 1, 2]).map((d) => d.restart), [true, true, false]);
    policy.manualRestart();
    assert.deepStrictEqual(exitsAt(policy, [3, 4, 5, 6]), [
      { restart: true, crashesInWindow: 1, notice: undefined },
      { restart: true, crashesInWindow: 2, notice: undefined },
      { restart: false, crashesInWindow: 3, notice: 'stopped' },
      { restart: false, crashesInWindow: 4, notice: undefined },
    ]);
  });

  it('with no restarts allowed, the first crash stops the server and says only that', () => {
    assert.deepStrictEqual(new RestartPolicy({ maxRestarts: 0, windowMs: MINUTE }).serverExited(0), { restart: false, crashesInWindow: 1, notice: 'stopped' });
  });

  it('rejects a budget that cannot be met', () => {
    assert.throws(() => new RestartPolicy({ maxRestarts: -1, windowMs: MINUTE }), /maxRestarts must be a whole number >= 0, got -1/);
    assert.throws(() => new RestartPolicy({ maxRestarts: 1.5, windowMs: MINUTE }), /maxRestarts/);
    assert.throws(() => new RestartPolicy({ maxRestarts: 4, windowMs: 0 }), /windowMs must be > 0, got 0/);
    assert.throws(() => new RestartPolicy({ maxRestarts: 4, windowMs: NaN }), /windowMs/);
  });
});
