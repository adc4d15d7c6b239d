import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { escapeMarkdown } from '../cards';
import { statusLabel } from '../domain/aftersales/status-names';
import type { Translator } from '../i18n';
import type { Logger } from '../log';
import type { PendingUpdate, WatchDoc } from './watch-store';
import type { OrderWatcher, UpdateSender } from './watcher';

/** Channels whose conversation lives in a browser tab: told only while it is open. */
const WEB_CHAT_CHANNELS = new Set(['webchat', 'directline']);

/** Whether a Web Chat conversation is open now; undefined when nobody can tell (Azure's Direct Line). */
export type ConversationPresence = (conversationId: string) => boolean | undefined;

/** "Your order 24 is now shipped." in the customer's language, the store's status name when renamed. */
export function updateText(translator: Translator, locale: string, update: PendingUpdate): string {
  const t = (key: string, vars?: Record<string, unknown>) => translator.t(locale, key, vars);
  const status = statusLabel(update.statusId, t, update.storeStatusName).text ?? '';
  return t('orderwatch.update', { orderId: update.orderId, status });
}

export interface ProactiveSenderOptions {
  adapter: CloudAdapter;
  /** The bot's app id (MicrosoftAppId); empty without credentials. */
  appId: string;
  translator: Translator;
  presence?: ConversationPresence;
}

/**
 * Sends an update into the conversation the order was placed in (adapter.continueConversationAsync). Teams and
 * Telegram take it at any time; a Web Chat conversation only while open (the local Direct Line stand-in knows;
 * unknown with Azure's Direct Line, which keeps what is sent for when the tab comes back), otherwise pending.
 */
export function proactiveSender(options: ProactiveSenderOptions): UpdateSender {
  return async (doc: WatchDoc, update: PendingUpdate) => {
    const reference = doc.reference as Partial<ConversationReference>;
    const conversationId = reference.conversation?.id ?? '';
    if (WEB_CHAT_CHANNELS.has(doc.channelId) && options.presence?.(conversationId) === false) return 'pending';
    const text = escapeMarkdown(doc.channelId, updateText(options.translator, doc.locale, update));
    await options.adapter.continueConversationAsync(options.appId, reference, async (ctx) => {
      await ctx.sendActivity({ type: 'message', text, textFormat: 'markdown' });
    });
    return 'sent';
  };
}

/** What the bot's turns use: start watching a placed order, and tell what waited at the start of a turn. */
export interface OrderWatchPort {
  placed(ctx: TurnContext, orderId: number, locale: string): Promise<void>;
  /** Sends the updates that waited for this conversation; `hasOrders` false skips the storage read. */
  deliverPending(ctx: TurnContext, locale: string, hasOrders: boolean): Promise<void>;
}

export function conversationKeyOf(channelId: string | undefined, conversationId: string | undefined): string {
  return `${channelId ?? ''}/${conversationId ?? ''}`;
}

export function orderWatchPort(watcher: OrderWatcher, translator: Translator, logger: Logger): OrderWatchPort {
  return {
    async placed(ctx, orderId, locale) {
      const reference = TurnContext.getConversationReference(ctx.activity);
      // The order stands whatever happens here: a storage hiccup only costs the updates.
      await watcher
        .watch({
          orderId,
          reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
          conversationKey: conversationKeyOf(ctx.activity.channelId, ctx.activity.conversation?.id),
          channelId: String(ctx.activity.channelId ?? ''),
          locale,
        })
        .catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'order watch: not started'));
    },
    async deliverPending(ctx, locale, hasOrders) {
      if (!hasOrders || !watcher.settings.enabled) return;
      const updates = await watcher.store.takePending(conversationKeyOf(ctx.activity.channelId, ctx.activity.conversation?.id));
      for (const update of updates) await ctx.sendActivity(updateText(translator, locale, update));
    },
  };
}
