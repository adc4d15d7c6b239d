import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../src/log';
import { escapeMarkdown, prependText, renderCard, type CardModel, type Translate } from '../src/cards';
import type { Catalog } from '../src/catalog/types';
import type { StorefrontUploader } from '../src/catalog/upload';
import type { CheckoutService } from '../src/domain/checkout-port';
import type { AftersalesService } from '../src/domain/aftersales/service';
import type { SupportedLocale, Translator } from '../src/i18n';
import type { OrderStateStore } from './order-state';
import { armTyping } from './typing';

/** What every dialog is built with. */
export interface DialogDeps {
  /** Order status and cancellation requests after the order; without it the customer is sent to the shop. */
  aftersales?: AftersalesService;
  catalog: Catalog;
  checkout: CheckoutService;
  translator: Translator;
  store: OrderStateStore;
  logger: Logger;
  /** The storefront's tool/upload, for file options; without it they are left to the website. */
  uploader?: StorefrontUploader;
  /** Called once an order is placed (or found placed), to watch its status; none when absent. */
  onOrderPlaced?: (ctx: TurnContext, orderId: number) => Promise<void>;
}

const LOCALE_KEY = Symbol.for('orderBot.locale');

/** Set once per turn by the bot, after the locale was decided. */
export function setTurnLocale(ctx: TurnContext, locale: SupportedLocale): void {
  ctx.turnState.set(LOCALE_KEY, locale);
}

export function localeOf(ctx: TurnContext): SupportedLocale {
  return (ctx.turnState.get(LOCALE_KEY) as SupportedLocale | undefined) ?? 'en';
}

export function translate(ctx: TurnContext, translator: Translator): Translate {
  const locale = localeOf(ctx);
  return (key, vars) => translator.t(locale, key, vars);
}

/** A card for this channel (Adaptive Card or hero cards), optionally preceded by a line of (plain) text. */
export function cardActivity(ctx: TurnContext, model: CardModel, text?: string): Partial<Activity> {
  return withLeadingText(ctx, renderCard(ctx.activity.channelId, model) as Partial<Activity>, text);
}

/** A rendered (markdown) message with a plain line of text put first, escaped for the channel (one message still). */
export function withLeadingText(ctx: TurnContext, rendered: Partial<Activity>, text?: string): Partial<Activity> {
  if (!text) return rendered;
  return { ...prependText(rendered, escapeMarkdown(ctx.activity.channelId, text)), textFormat: 'markdown' };
}

/**
 * Escapes what the bot sends as plain text (translations with store names, the customer's own words) for the
 * channel's markdown. Rendered cards are markdown already (textFormat set) and pass unchanged.
 */
export function escapePlainTexts(ctx: TurnContext, activities: Partial<Activity>[]): void {
  for (const activity of activities) {
    if (activity.type !== 'message' || !activity.text || activity.textFormat) continue;
    activity.text = escapeMarkdown(ctx.activity.channelId, activity.text);
    activity.textFormat = 'markdown';
  }
}

/**
 * Tells the customer we are working while OpenCart is called: a typing indicator, sent only if the bot has said
 * nothing else within half a second (dialogs/typing.ts).
 */
export async function showTyping(ctx: TurnContext): Promise<void> {
  armTyping(ctx);
}

/** The waterfall's scratch values, typed by the dialog that owns them. */
export function stepValues<T extends object>(step: { values: object }): Partial<T> {
  return step.values as Partial<T>;
}
