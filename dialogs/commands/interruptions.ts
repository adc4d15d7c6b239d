import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { CHANGEABLE_SLOTS, decodeAction, type CardAction, type CardActionName, type ChangeableSlot } from '../../src/cards';
import { CART_PROMPT_ID, cartView } from '../shopping/cart-dialog';
import type { CommandRecognizer, GlobalCommand } from './commands';
import { CONFIRM_PROMPT_ID } from '../checkout/confirm-dialog';
import { CONSENT_PROMPT_ID } from '../checkout/consent-dialog';
import { DIALOG } from '../ids';
import { languageChoice, languageNamed, switchLanguage } from './language';
import { handleSmallTalk } from './small-talk';
import { handleAftersales } from '../aftersales/aftersales-dialog';
import { startGiftVoucher } from '../shopping/gift-voucher-dialog';
import { requestRedo, type OrderFlowOptions } from '../order-flow-dialog';
import { translate, withLeadingText, type DialogDeps } from '../turn';
import { activeLeafId, activePath, innermostContext } from '../dialog-stack';

type Handler = (dc: DialogContext, deps: DialogDeps, action?: CardAction) => Promise<void>;

const SENT_BEFORE_ANSWER = Symbol.for('orderBot.sentBeforeAnswer');

/** Set by the bot when this activity arrived while the conversation's previous turn was still running. */
export function markSentBeforeAnswer(ctx: TurnContext): void {
  ctx.turnState.set(SENT_BEFORE_ANSWER, true);
}

function sentBeforeAnswer(ctx: TurnContext): boolean {
  return ctx.turnState.get(SENT_BEFORE_ANSWER) === true;
}

/** The prompt the customer is answering now (innermost active dialog), if any. */

async function restartFlow(dc: DialogContext, options: OrderFlowOptions): Promise<void> {
  await dc.cancelAllDialogs();
  await dc.beginDialog(DIALOG.orderFlow, options);
}

/** Asks the open question again (on the innermost context, so nested dialogs are found). */
async function reprompt(dc: DialogContext): Promise<void> {
  const current = innermostContext(dc);
  if (current.activeDialog) await current.repromptDialog();
}

/** After a language change: ask the open part of the order again, in the new language. */
async function resumeInNewLanguage(dc: DialogContext, deps: DialogDeps): Promise<void> {
  const { draft } = await deps.store.checkout(dc.context);
  const flow = await deps.store.flow(dc.context);
  if (draft.lines.length && draft.status === 'open') await restartFlow(dc, { entry: flow.cartConfirmed ? 'checkout' : 'cart' });
  else if (dc.activeDialog) await restartFlow(dc, {});
}

function changeSlot(slot: ChangeableSlot): Handler {
  return async (dc, deps) => {
    requestRedo(await deps.store.flow(dc.context), slot);
    await restartFlow(dc, { entry: slot === 'cart' ? 'cart' : 'checkout' });
  };
}

/** Dialogs in which a product has been chosen and is being added (its options, its quantity). */
const CHOOSING = new Set<string>([DIALOG.productOptions, DIALOG.quantity]);

/**
 * "cart": the cart. While a product is being added (its options or quantity asked), the cart is shown and that
 * question asked again, so the product is not dropped; elsewhere the order goes on from the cart.
 */
async function showCart(dc: DialogContext, deps: DialogDeps): Promise<void> {
  const ids = activePath(dc).map((instance) => instance.id);
  const choosing = !ids.includes(DIALOG.cart) && ids.some((id) => CHOOSING.has(id));
  if (!choosing) return restartFlow(dc, { entry: 'cart' });
  await dc.context.sendActivity(await cartView(dc.context, deps));
  await reprompt(dc);
}

/** Typed commands, handled the same wherever the customer is. */
export const COMMAND_HANDLERS: Readonly<Record<GlobalCommand, Handler>> = {
  help: async (dc, deps) => {
    await dc.context.sendActivity(translate(dc.context, deps.translator)('help.text'));
    await reprompt(dc);
  },
  cart: showCart,
  checkout: (dc) => restartFlow(dc, { entry: 'checkout' }),
  startOver: async (dc, deps) => {
    await dc.cancelAllDialogs();
    await deps.checkout.startOver(await deps.store.checkout(dc.context));
    await deps.store.resetOrder(dc.context);
    await dc.context.sendActivity(translate(dc.context, deps.translator)('common.startedOver'));
    await dc.beginDialog(DIALOG.orderFlow, {});
  },
  language: async (dc, deps) => {
    await dc.context.sendActivity(languageChoice(dc.context, deps));
  },
  forgetMe: async (dc, deps) => {
    await deps.store.forgetProfile(dc.context);
    await dc.context.sendActivity(translate(dc.context, deps.translator)('profile.forgotten'));
    await reprompt(dc);
  },
  changeContact: changeSlot('contact'),
  changeAddress: changeSlot('paymentAddress'),
  changeShippingAddress: changeSlot('shippingAddress'),
  changeShipping: changeSlot('shippingMethod'),
  changePayment: changeSlot('paymentMethod'),
  changeCodes: changeSlot('codes'),
  currency: async (dc, deps) => {
    await dc.context.sendActivity(translate(dc.context, deps.translator)('currency.how'));
  },
};

/** "currency EUR", "Währung GBP": switches OpenCart's session currency; prices are shown again in it. */
async function handleCurrency(dc: DialogContext, deps: DialogDeps, commands: CommandRecognizer): Promise<boolean> {
  // Spaces folded first: `(.+?)\s+` over a long run of spaces is quadratic.
  const match = /^(.+?) ([A-Za-z]{3})$/u.exec((dc.context.activity.text ?? '').replace(/\s+/g, ' ').trim());
  if (!match || commands.recognize(match[1]) !== 'currency') return false;
  const code = match[2].toUpperCase();
  const state = await deps.store.checkout(dc.context);
  const t = translate(dc.context, deps.translator);
  const result = await deps.checkout.setCurrency(state, code);
  await dc.context.sendActivity(result.ok ? t('currency.changed', { code }) : t('problems.INVALID_CURRENCY'));
  if (result.ok && state.draft.lines.length && state.draft.status === 'open') await restartFlow(dc, { entry: 'cart' });
  else await reprompt(dc);
  return true;
}

interface ActionRule {
  /** The prompt that handles this button itself. */
  ownPrompt: string;
  /** Whether that prompt's own card sent it (not an older card of the same kind); by default any press is its own. */
  current?: (dc: DialogContext, deps: DialogDeps, action: CardAction) => Promise<boolean>;
  handle: Handler;
}

/** "place order" of the summary on screen now: same order (orderSeq) and the order still open. */
async function isCurrentPlace(dc: DialogContext, deps: DialogDeps, action: CardAction): Promise<boolean> {
  if (action.v === undefined) return true; // a card from before buttons carried the order
  return action.v === String((await deps.store.flow(dc.context)).orderSeq);
}

/** An old "place order": that order's number again (it is never placed twice), then the open question. */
async function answerOldPlace(dc: DialogContext, deps: DialogDeps, action?: CardAction): Promise<void> {
  const state = await deps.store.checkout(dc.context);
  const flow = await deps.store.flow(dc.context);
  const t = translate(dc.context, deps.translator);
  const thisOrder = action?.v === undefined || action.v === String(flow.orderSeq);
  let orderId = flow.placedOrders.find((p) => String(p.seq) === action?.v)?.orderId ?? null;
  if (orderId === null && thisOrder && state.draft.status === 'placed') {
    const placed = await deps.checkout.placeOrder(state, { beforeSend: () => deps.store.saveNow(dc.context) }); // answers the same order id, places nothing
    orderId = placed.ok ? placed.value.orderId : null;
  }
  if (orderId === null && action?.v === undefined) orderId = flow.lastOrderId;
  if (orderId !== null) await dc.context.sendActivity(t('order.alreadyPlaced', { orderId }));
  else if (thisOrder && state.draft.status === 'unconfirmed') await dc.context.sendActivity(t('problems.ORDER_OUTCOME_UNKNOWN'));
  else await dc.context.sendActivity(t('common.staleButton'));
  // A double click: the first click's answer, not seen yet, ends with "remember my details?"; don't ask it twice.
  if (!(sentBeforeAnswer(dc.context) && activeLeafId(dc) === CONSENT_PROMPT_ID)) await reprompt(dc);
}

/** Buttons of older cards that still make sense anywhere; each names the prompt that handles it itself. */
const ACTION_HANDLERS: Partial<Record<CardActionName, ActionRule>> = {
  qty: { ownPrompt: CART_PROMPT_ID, handle: (dc, _d, action) => restartFlow(dc, { entry: 'cart', cartAction: action }) },
  rm: { ownPrompt: CART_PROMPT_ID, handle: (dc, _d, action) => restartFlow(dc, { entry: 'cart', cartAction: action }) },
  add: { ownPrompt: CART_PROMPT_ID, handle: (dc) => restartFlow(dc, { entry: 'shop' }) },
  checkout: { ownPrompt: CART_PROMPT_ID, handle: (dc) => restartFlow(dc, { entry: 'checkout' }) },
  cart: { ownPrompt: CART_PROMPT_ID, handle: (dc) => restartFlow(dc, { entry: 'cart' }) },
  chg: {
    ownPrompt: CONFIRM_PROMPT_ID,
    handle: async (dc, deps, action) => {
      const { draft } = await deps.store.checkout(dc.context);
      if (draft.status === 'open' && (await deps.store.flow(dc.context)).cartConfirmed) return changeSlot(action?.v as ChangeableSlot)(dc, deps);
      await dc.context.sendActivity(translate(dc.context, deps.translator)('common.staleButton'));
      await reprompt(dc);
    },
  },
  lang: {
    ownPrompt: '',
    handle: async (dc, deps, action) => {
      if (await switchLanguage(dc.context, deps, action?.v)) return resumeInNewLanguage(dc, deps);
      // A stale or forged language (oc:lang:xx): say so, with the languages there are.
      const reason = translate(dc.context, deps.translator)('language.unknown');
      await dc.context.sendActivity(withLeadingText(dc.context, languageChoice(dc.context, deps), reason));
    },
  },
  place: { ownPrompt: CONFIRM_PROMPT_ID, current: isCurrentPlace, handle: answerOldPlace },
};

const CHANGEABLE = new Set<string>(CHANGEABLE_SLOTS);

/** Handles a global command or an out-of-place card button; true when the turn is done. */
export async function handleInterruption(dc: DialogContext, deps: DialogDeps, commands: CommandRecognizer): Promise<boolean> {
  if (await handleAftersales(dc)) return true; // "where is my order 24?", "cancel my order", their buttons
  const decoded = decodeAction(dc.context.activity);
  if (decoded.kind === 'action') {
    const rule = ACTION_HANDLERS[decoded.action.a];
    if (!rule) return false;
    if (activeLeafId(dc) === rule.ownPrompt && (!rule.current || (await rule.current(dc, deps, decoded.action)))) return false;
    if (decoded.action.a === 'chg' && !CHANGEABLE.has(decoded.action.v ?? '')) return false;
    await rule.handle(dc, deps, decoded.action);
    return true;
  }
  if (decoded.kind === 'invalid') return false;
  if (await handleSmallTalk(dc, deps)) return true; // greetings, thanks, "talk to a person"; "hi, ..." goes on without the "hi"
  if (await startGiftVoucher(dc, deps)) return true; // "I want to buy a gift card"
  const language = languageNamed(deps, dc.context.activity.text);
  if (language) {
    await switchLanguage(dc.context, deps, language);
    await resumeInNewLanguage(dc, deps);
    return true;
  }
  if (await handleCurrency(dc, deps, commands)) return true;
  const command = commands.recognize(dc.context.activity.text);
  if (!command) return false;
  // At the summary "bestellen" / "оформить заказ" answer it (consent), they don't go to checkout again.
  if (command === 'checkout' && activeLeafId(dc) === CONFIRM_PROMPT_ID) return false;
  await COMMAND_HANDLERS[command](dc, deps);
  return true;
}

