import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { addressText } from '../../src/cards';
import type { CheckoutState } from '../../src/domain/checkout-port';
import type { YesNoRecognizer } from '../commands/commands';
import type { CustomerInput } from '../prompts/input-prompt';
import type { Profile } from '../order-state';
import { problemKey } from '../prompts/problems';
import { localeOf, showTyping, translate, type DialogDeps } from '../turn';
import { yesNoAnswer, yesNoPrompt, yesNoQuestion } from '../prompts/yes-no';

export const SAVED_DETAILS_PROMPT = 'contactSavedPrompt';

export function savedDetailsPrompt(deps: DialogDeps, words: YesNoRecognizer) {
  return yesNoPrompt(SAVED_DETAILS_PROMPT, deps, words);
}

/** What the profile holds, as one text: contact, billing address, delivery address where it differs. */
function savedText(ctx: TurnContext, deps: DialogDeps, profile: Profile): string {
  const t = translate(ctx, deps.translator);
  const locale = localeOf(ctx);
  const c = profile.contact!;
  const lines = [t('contact.useSaved', { name: `${c.firstname} ${c.lastname}`, email: c.email, telephone: c.telephone })];
  if (profile.paymentAddress) lines.push(t('contact.savedBilling', { address: addressText(profile.paymentAddress, locale) }));
  if (profile.shippingAddress) lines.push(t('contact.savedDelivery', { address: addressText(profile.shippingAddress, locale) }));
  return lines.join('\n');
}

/** A returning customer who agreed to be remembered: contact and addresses offered for one click. */
export async function offerSavedDetails(step: WaterfallStepContext, deps: DialogDeps): Promise<DialogTurnResult> {
  const profile = await deps.store.profile(step.context);
  if (!profile.contact) return step.next(null);
  return step.prompt(SAVED_DETAILS_PROMPT, { prompt: yesNoQuestion(step.context, deps, savedText(step.context, deps, profile)) });
}

/**
 * "Yes" to the saved details: the contact, the addresses and the methods chosen last time (where the shop still
 * offers them) go to the order; whatever the shop refuses is asked as usual. True when the contact was taken.
 */
export async function useSavedDetails(step: WaterfallStepContext, deps: DialogDeps, words: YesNoRecognizer): Promise<boolean> {
  if (!yesNoAnswer(step.result as CustomerInput, words)) return false;
  const profile = await deps.store.profile(step.context);
  const state = await deps.store.checkout(step.context);
  if (!profile.contact) return false;
  await showTyping(step.context);
  const contact = await deps.checkout.setContact(state, profile.contact);
  if (!contact.ok) {
    await step.context.sendActivity(translate(step.context, deps.translator)(problemKey(contact.problem)));
    return false;
  }
  if (!profile.paymentAddress || !(await deps.checkout.setPaymentAddress(state, profile.paymentAddress)).ok) return true;
  if (await deps.checkout.needsShipping(state)) {
    const shipped = await deps.checkout.setShippingAddress(state, profile.shippingAddress ?? 'same');
    if (!shipped.ok) return true;
    (await deps.store.flow(step.context)).shippingAddressChosen = true;
    await chooseSavedShipping(deps, state, profile.shippingMethod);
  }
  await chooseSavedPayment(deps, state, profile.paymentMethod);
  return true;
}

async function chooseSavedShipping(deps: DialogDeps, state: CheckoutState, code: string | null): Promise<void> {
  if (!code) return;
  const options = await deps.checkout.shippingOptions(state);
  const offered = options.ok && options.value.some((m) => !m.error && m.quotes.some((q) => q.code === code));
  if (offered) await deps.checkout.chooseShipping(state, code);
}

async function chooseSavedPayment(deps: DialogDeps, state: CheckoutState, code: string | null): Promise<void> {
  if (!code) return;
  const options = await deps.checkout.paymentOptions(state);
  if (options.ok && options.value.some((m) => m.code === code)) await deps.checkout.choosePayment(state, code);
}
