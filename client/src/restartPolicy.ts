/**
 * What to do when the language server exits unexpectedly, as a pure decision
 * (the time comes in, no vscode): restart it at most `maxRestarts` times within
 * `windowMs`, then stop. The user hears about it twice at most: once per session
 * that the server was restarted, and once that it was stopped. A restart by hand
 * gives a fresh budget, and a later stop is told again (the user acted on the last one).
 */

/** What to tell the user now: the server was restarted, or it was stopped for good. */
export type CrashNotice = 'restarted' | 'stopped';

export interface CrashDecision {
  restart: boolean;
  /** Unexpected exits within the window, this one included. */
  crashesInWindow: number;
  notice?: CrashNotice;
}

export interface RestartBudget {
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_RESTART_BUDGET: RestartBudget = { maxRestarts: 4, windowMs: 3 * 60 * 1000 };

export class RestartPolicy {
  /** Times of the unexpected exits that still count, oldest first. */
  private crashes: number[] = [];
  private toldRestarted = false;
  private toldStopped = false;

  constructor(readonly budget: RestartBudget = DEFAULT_RESTART_BUDGET) {
    if (!Number.isInteger(budget.maxRestarts) || budget.maxRestarts < 0) throw new RangeError(`maxRestarts must be a whole number >= 0, got ${budget.maxRestarts}`);
    if (!(budget.windowMs > 0)) throw new RangeError(`windowMs must be > 0, got ${budget.windowMs}`);
  }

  /** The server's connection closed without being asked to, at `now` (ms). */
  serverExited(now: number): CrashDecision {
    this.crashes = [...this.crashes.filter((t) => now - t < this.budget.windowMs), now];
    const crashesInWindow = this.crashes.length;
    if (crashesInWindow <= this.budget.maxRestarts) {
      const notice = this.toldRestarted ? undefined : 'restarted';
      this.toldRestarted = true;
      return { restart: true, crashesInWindow, notice };
    }
    const notice = this.toldStopped ? undefined : 'stopped';
    this.toldStopped = true;
    return { restart: false, crashesInWindow, notice };
  }

  /** The user (or a trust change) restarted the server: the count starts again. */
  manualRestart(): void {
    this.crashes = [];
    this.toldStopped = false;
  }
}
