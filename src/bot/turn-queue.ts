/**
 * Runs the turns of one conversation one after another (on this instance). A double click on "place order"
 * sends two activities at once; run in parallel, each would load the same open draft and both would order.
 */
export class ConversationTurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run(conversationId: string, turn: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(turn);
    const tail = current.catch(() => undefined);
    this.tails.set(conversationId, tail);
    try {
      await current;
    } finally {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    }
  }

  /** Whether a turn of this conversation is running or waiting (a new one then was sent before its answer). */
  busy(conversationId: string): boolean {
    return this.tails.has(conversationId);
  }

  /** Conversations with a turn running or waiting (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
