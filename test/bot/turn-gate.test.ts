import { TurnGate } from '../../src/bot/turn-gate';

/** A piece of work that runs until the test ends it. */
function held(): { work: () => Promise<string>; started: boolean; finish(value?: string): void; fail(error: Error): void } {
  let resolve: (value: string) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const state = {
    started: false,
    work: () => {
      state.started = true;
      return new Promise<string>((ok, no) => {
        resolve = ok;
        reject = no;
      });
    },
    finish: (value = 'done') => resolve(value),
    fail: (error: Error) => reject(error),
  };
  return state;
}

const refused = async () => 'refused';

/** Lets every queued promise callback run (no timers involved). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('TurnGate', () => {
  it('runs at most `limit` turns at once; the next starts as one ends, in arrival order', async () => {
    const gate = new TurnGate(2, 10);
    const turns = [held(), held(), held(), held()];
    const results = turns.map((turn) => gate.run(turn.work, refused));
    await settle();
    expect(turns.map((t) => t.started)).toEqual([true, true, false, false]);
    expect(gate.size).toEqual({ running: 2, waiting: 2 });

    turns[1]!.finish('second');
    await settle();
    expect(turns.map((t) => t.started)).toEqual([true, true, true, false]);
    turns[0]!.finish('first');
    await settle();
    expect(turns[3]!.started).toBe(true);
    expect(gate.size).toEqual({ running: 2, waiting: 0 });

    turns[2]!.finish('third');
    turns[3]!.finish('fourth');
    await expect(Promise.all(results)).resolves.toEqual(['first', 'second', 'third', 'fourth']);
    expect(gate.size).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a turn at once when the waiting line is full, without taking a place', async () => {
    const gate = new TurnGate(1, 1);
    const running = held();
    const waiting = held();
    const first = gate.run(running.work, refused);
    const second = gate.run(waiting.work, refused);
    await expect(gate.run(held().work, refused)).resolves.toBe('refused');
    expect(gate.size).toEqual({ running: 1, waiting: 1 });

    running.finish();
    await settle();
    expect(waiting.started).toBe(true);
    waiting.finish();
    await expect(Promise.all([first, second])).resolves.toEqual(['done', 'done']);
  });

  it('gives the place back when a turn fails, so a failing turn never shrinks the gate', async () => {
    const gate = new TurnGate(1, 5);
    const failing = held();
    const next = held();
    const failed = gate.run(failing.work, refused);
    const after = gate.run(next.work, refused);
    failing.fail(new Error('the shop broke'));
    await expect(failed).rejects.toThrow('the shop broke');
    await settle();
    expect(next.started).toBe(true);
    next.finish('after');
    await expect(after).resolves.toBe('after');
    expect(gate.size).toEqual({ running: 0, waiting: 0 });
  });

  it('with no waiting line, refuses every turn beyond the limit', async () => {
    const gate = new TurnGate(1, 0);
    const running = held();
    const first = gate.run(running.work, refused);
    await expect(gate.run(held().work, refused)).resolves.toBe('refused');
    running.finish();
    await expect(first).resolves.toBe('done');
    await expect(gate.run(async () => 'free again', refused)).resolves.toBe('free again');
  });

  it('refuses a limit below 1 or a negative waiting line', () => {
    expect(() => new TurnGate(0, 1)).toThrow(RangeError);
    expect(() => new TurnGate(1, -1)).toThrow(RangeError);
    expect(() => new TurnGate(Number.NaN, 1)).toThrow(RangeError);
  });
});
