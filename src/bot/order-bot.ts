import {
  ActivityHandler,
  ActivityTypes,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { OrderDialogs, OrderStateStore, escapePlainTexts, localeOf, setTurnLocale, type DialogDeps } from '../../dialogs';
import { Greeter } from '../../dialogs/commands/greeting';
import { markSentBeforeAnswer } from '../../dialogs/commands/interruptions';
import { followPageCurrency } from '../../dialogs/page-context';
import { SignedCustomer } from '../../dialogs/signed-customer';
import { endTyping } from '../../dialogs/typing';
import type { Catalog } from '../catalog/types';
import type { StorefrontUploader } from '../catalog/upload';
import { systemClock, type Clock } from '../clock';
import type { CheckoutService } from '../domain/checkout-port';
import type { OrderWatchPort } from '../order-watch';
import type { AftersalesService } from '../domain/aftersales/service';
import { createTranslator, supportedLocale, turnLocale, type SupportedLocale, type Translator } from '../i18n';
import { setTurnLogFields, turnLogFields, turnLogger, type Logger, type TurnLogFields } from '../log';
import { isStorageConflict, type ConversationLock } from '../storage';
import type { ConversationRateLimit } from './rate-limit';
import { isShopUnreachable } from './shop-errors';
import type { TurnGate } from './turn-gate';
import { ConversationTurnQueue } from './turn-queue';
import { isWebChatJoin, WebChatJoin } from './webchat-join';

export interface OrderBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  catalog: Catalog;
  checkout: CheckoutService;
  logger: Logger;
  defaultLocale: SupportedLocale;
  clock?: Clock;
  translator?: Translator;
  /** Bounds each conversation's message turns (they call OpenCart); none when absent. */
  rateLimit?: ConversationRateLimit;
  /** With state shared by several instances: holds the conversation everywhere for each turn. */
  turnLock?: ConversationLock;
  /** How many turns run at once in the process (MAX_CONCURRENT_TURNS); unbounded when absent. */
  turnGate?: TurnGate;
  /** The storefront's tool/upload: file options are then taken in the chat. */
  uploader?: StorefrontUploader;
  /** SHOP_SHARED_SECRET: checks the storefront's signed-in customer passed by the widget; without it all are guests. */
  shopSecret?: string;
  /** Watches each order placed here and tells the customer when its status changes; updates that waited are told first. */
  orderWatch?: OrderWatchPort;
  /** Order status and cancellation requests after the order; without it such requests are sent to the shop. */
  aftersales?: AftersalesService;
}

const TELEGRAM_START = '/start';

/**
 * The ordering bot: greets on first contact, decides each turn's language, runs the dialogs and saves state.
 * When the shop can't be reached the customer is told so and nothing of the turn is saved, so the draft and
 * the open question stay as they were: answering again simply retries.
 */
export class OrderBot extends ActivityHandler {
  private readonly dialogs: OrderDialogs;
  private readonly store: OrderStateStore;
  private readonly translator: Translator;
  private readonly turns = new ConversationTurnQueue();
  private readonly turnCount: StatePropertyAccessor<number>;
  private readonly webChatJoin: WebChatJoin;

  constructor(private readonly deps: OrderBotDeps) {
    super();
    this.turnCount = deps.conversationState.createProperty<number>('turnCount');
    this.webChatJoin = new WebChatJoin(deps.conversationState);
    this.translator = deps.translator ?? createTranslator({ defaultLocale: deps.defaultLocale });
    this.store = new OrderStateStore(deps.conversationState, deps.userState);
    const dialogDeps: DialogDeps = {
      catalog: deps.catalog, checkout: deps.checkout, translator: this.translator, store: this.store, logger: deps.logger, uploader: deps.uploader,
      onOrderPlaced: deps.orderWatch && ((ctx, orderId) => deps.orderWatch!.placed(ctx, orderId, localeOf(ctx))),
      aftersales: deps.aftersales,
    };
    this.dialogs = new OrderDialogs(dialogDeps, deps.conversationState);
    const greeter = new Greeter(deps.conversationState, dialogDeps); // greets in the turn's language, or waits for it
    const signedIn = new SignedCustomer(deps.conversationState, dialogDeps, {
      secret: deps.shopSecret,
      clock: deps.clock ?? systemClock,
      logger: deps.logger,
    });

    this.onMembersAdded(async (ctx, next) => {
      const newcomers = (ctx.activity.membersAdded ?? []).filter((m) => m.id !== ctx.activity.recipient?.id);
      // Telegram greets on /start instead, which every new Telegram chat sends.
      if (newcomers.length && ctx.activity.channelId !== 'telegram') await greeter.onJoin(ctx);
      await next();
    });
    // The storefront widget's join carries the page's language: greet once, on the conversation's first join.
    this.onEvent(async (ctx, next) => {
      if (isWebChatJoin(ctx.activity)) {
        const joined = await this.webChatJoin.join(ctx);
        const customer = await signedIn.join(ctx); // a signed-in customer is greeted by name
        await followPageCurrency(ctx, dialogDeps, joined.before, joined.page);
        if (joined.first) await greeter.greet(ctx, customer?.firstName);
      }
      await next();
    });
    this.onMessage(async (ctx, next) => {
      if (inSharedChat(ctx)) await ctx.sendActivity(this.translator.t(localeOf(ctx), 'common.personalChatOnly'));
      else if (ctx.activity.text?.trim().toLowerCase() === TELEGRAM_START) await greeter.greet(ctx);
      else {
        await greeter.beforeMessage(ctx);
        await signedIn.prefill(ctx);
        await this.dialogs.run(ctx);
      }
      await next();
    });
  }

  override async run(ctx: TurnContext): Promise<void> {
    const conversationId = ctx.activity.conversation?.id ?? '';
    if (this.turns.busy(conversationId)) markSentBeforeAnswer(ctx); // e.g. the second click of a double click
    const { turnLock } = this.deps;
    const lockKey = `${ctx.activity.channelId}/${conversationId}`;
    // Every log line of the turn names it: the conversation hashed, the channel, and (once state is read) the turn.
    const logFields = turnLogFields(lockKey, String(ctx.activity.channelId));
    setTurnLogFields(ctx, logFields);
    const turn = () => this.runTurn(ctx, logFields);
    const locked = turnLock ? () => turnLock.hold(lockKey, turn) : turn;
    // A place in the gate is taken once the conversation's earlier turns are done, so they never wait on it.
    const gate = this.deps.turnGate;
    const gated = gate ? () => gate.run(locked, () => this.refuseBusy(ctx, logFields)) : locked;
    await this.turns.run(conversationId, gated);
  }

  /** Too many turns waiting in the process: this one is not run, and the customer is asked to send it again. */
  private async refuseBusy(ctx: TurnContext, logFields: TurnLogFields): Promise<void> {
    turnLogger(this.deps.logger, logFields).warn('too many turns waiting; turn refused, not run');
    if (ctx.activity.type !== ActivityTypes.Message) return;
    // No state is read for a refused turn: the language is the channel's, as before a customer chose one.
    const locale = turnLocale(ctx.activity, null, this.deps.defaultLocale);
    await ctx.sendActivity(this.translator.t(locale, 'common.busy'));
  }

  /** One turn; a typing indicator it armed is never sent after it (dialogs/typing.ts). */
  private async runTurn(ctx: TurnContext, logFields: TurnLogFields): Promise<void> {
    try {
      await this.runTurnBody(ctx, logFields, turnLogger(this.deps.logger, logFields));
    } finally {
      this.store.endTurn(ctx);
      await endTyping(ctx);
    }
  }

  private async runTurnBody(ctx: TurnContext, logFields: TurnLogFields, log: Logger): Promise<void> {
    const started = (this.deps.clock ?? systemClock).now();
    logFields.turn = ((await this.turnCount.get(ctx, 0)) ?? 0) + 1;
    await this.turnCount.set(ctx, logFields.turn);
    const flow = await this.store.flow(ctx);
    // In the widget, the page's language where the activity carries none (Web Chat sets the page's as its locale).
    const page = await this.webChatJoin.current(ctx);
    const locale = turnLocale(ctx.activity, flow.chosenLocale, supportedLocale(page?.language) ?? this.deps.defaultLocale);
    setTurnLocale(ctx, locale);
    ctx.onSendActivities(async (context, activities, next) => {
      escapePlainTexts(context, activities);
      return next();
    });
    if (this.overRateLimit(ctx)) {
      log.warn('turn over the rate limit; not run, not saved');
      await ctx.sendActivity(this.translator.t(locale, 'common.slowDown'));
      return;
    }
    await this.deps.orderWatch?.deliverPending(ctx, locale, flow.placedOrders.length > 0);
    try {
      await super.run(ctx);
    } catch (error) {
      if (!isShopUnreachable(error)) throw error;
      log.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, 'shop unreachable; turn not saved');
      await ctx.sendActivity(this.translator.t(locale, 'common.shopUnreachable'));
      return;
    }
    await this.save(ctx, locale, log);
    log.debug({ ms: (this.deps.clock ?? systemClock).now() - started }, 'turn done');
  }

  private overRateLimit(ctx: TurnContext): boolean {
    const limit = this.deps.rateLimit;
    return !!limit && ctx.activity.type === ActivityTypes.Message && !limit.take(`${ctx.activity.channelId}/${ctx.activity.conversation?.id ?? ''}`);
  }

  /** A conflict means another instance wrote this conversation meanwhile: its state stands, this turn's is dropped. */
  private async save(ctx: TurnContext, locale: SupportedLocale, log: Logger): Promise<void> {
    try {
      await this.deps.conversationState.saveChanges(ctx, false);
    } catch (error) {
      if (!isStorageConflict(error)) throw error;
      log.warn('conversation state changed by another instance; this turn not saved');
      await ctx.sendActivity(this.translator.t(locale, 'common.turnFailed'));
      return;
    }
    await this.deps.userState.saveChanges(ctx, false);
  }
}

/** A Teams group chat or channel: orders (names, addresses) are taken only in a personal chat. */
function inSharedChat(ctx: TurnContext): boolean {
  const type = ctx.activity.conversation?.conversationType;
  return ctx.activity.channelId === 'msteams' && (type === 'groupChat' || type === 'channel');
}

export function createOrderBot(deps: OrderBotDeps): ActivityHandler {
  return new OrderBot(deps);
}
