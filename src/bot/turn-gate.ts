/**
 * How many turns run at once in this process; the others wait their turn, first come first served.
 *
 * Under load, a turn that runs holds its state, its dialog stack and its OpenCart requests in memory for as long as
 * it waits on the shop. Two hundred of them interleaved hold more memory than a few dozen at a time, and finish no
 * sooner: the CPU is the same. The waiting line itself is bounded; beyond it a turn is refused (the caller answers
 * the customer), so an overload cannot grow the process without limit.
 */
export class TurnGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
  ) {
    if (!(limit >= 1) || !(maxWaiting >= 0)) throw new RangeError('TurnGate needs limit >= 1 and maxWaiting >= 0');
  }

  /**
   * Runs `work` once a place is free (at once when one is). When the waiting line is full, runs `refused`
   * instead, at once and without a place.
   */
  async run<T>(work: () => Promise<T>, refused: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    else if (this.waiting.length >= this.maxWaiting) return refused();
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the place is handed over on release
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Turns running now, and turns waiting for a place (for tests and metrics). */
  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
