import type { Logger } from '../../log';
import { MESSAGES_PATH } from '../server';

export const BOT_ACCOUNT = { id: 'order-bot', name: 'Order bot', role: 'bot' } as const;

export interface DeliveryOptions {
  logger: Logger;
  /** The bot's own base URL on loopback, known once the server listens. */
  botUrl: () => string;
  /** One turn may take this long (the shop can be slow); then the delivery is given up. */
  timeoutMs?: number;
  /** Undelivered activities waiting per conversation; more are refused. */
  maxPending?: number;
}

/**
 * Hands activities to the bot's /api/messages as the Direct Line service does, one after another per
 * conversation, so the bot sees them in the order the customer sent them.
 */
export class BotDelivery {
  private readonly chains = new Map<string, { tail: Promise<void>; pending: number }>();

  constructor(private readonly options: DeliveryOptions) {}

  /** The bot's own base URL on loopback (also where the stand-in's routes are). */
  botUrl(): string {
    return this.options.botUrl();
  }

  /** False when too many activities of this conversation are still waiting. */
  deliver(conversationId: string, activity: Record<string, unknown>): boolean {
    const chain = this.chains.get(conversationId) ?? { tail: Promise.resolve(), pending: 0 };
    if (chain.pending >= (this.options.maxPending ?? 20)) return false;
    chain.pending++;
    chain.tail = chain.tail
      .then(() => this.post(activity))
      .finally(() => {
        chain.pending--;
        if (chain.pending === 0) this.chains.delete(conversationId);
      });
    this.chains.set(conversationId, chain);
    return true;
  }

  /** Resolves when everything handed over so far was delivered (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.chains.values()].map((chain) => chain.tail));
  }

  private async post(activity: Record<string, unknown>): Promise<void> {
    const botUrl = this.options.botUrl();
    const body = { ...activity, serviceUrl: botUrl, recipient: BOT_ACCOUNT };
    try {
      const answer = await fetch(`${botUrl}${MESSAGES_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 120_000),
      });
      await answer.arrayBuffer();
      if (!answer.ok) this.options.logger.warn({ status: answer.status, type: activity.type }, 'direct line: the bot refused an activity');
    } catch (error) {
      this.options.logger.warn({ err: error instanceof Error ? error.name : 'unknown', type: activity.type }, 'direct line: delivery to the bot failed');
    }
  }
}
