/**
 * Holds one conversation for the length of a turn across every instance that shares the state storage, so turns
 * of a conversation never run at once anywhere (its state is read and written by one turn at a time, and its
 * OpenCart session gets one request at a time).
 */
export interface ConversationLock {
  hold<T>(conversationKey: string, turn: () => Promise<T>): Promise<T>;
}

/** The turn waited longer than it may for another instance to finish that conversation's turn. */
export class LockTimeoutError extends Error {
  constructor() {
    super('Timed out waiting for another instance to finish a turn of this conversation');
    this.name = 'LockTimeoutError';
  }
}
