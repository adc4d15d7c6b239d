import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { addressText } from '../../src/cards';
import type { Address } from '../../src/domain/draft';
import type { YesNoRecognizer } from '../commands/commands';
import { FieldsDialog, resumeFields, type FieldName } from './fields-dialog';
import { DIALOG } from '../ids';
import type { CustomerInput } from '../prompts/input-prompt';
import { dropFormInProgress, formInProgress, hasFormInProgress, type FormKey } from '../order-state';
import { problemKey } from '../prompts/problems';
import { RegionDialog, type Region } from './region-dialog';
import { localeOf, showTyping, stepValues, translate, type DialogDeps } from '../turn';
import { yesNoAnswer, yesNoPrompt, yesNoQuestion } from '../prompts/yes-no';

const SAVED_PROMPT = 'addressSavedPrompt';

export interface AddressOptions {
  kind: 'payment' | 'shipping';
  skipSaved?: boolean;
}

/** Where this address's answers are kept while it is being typed. */
export function addressForm(kind: AddressOptions['kind']): FormKey {
  return kind === 'payment' ? 'address.payment' : 'address.shipping';
}
const formOf = (options: AddressOptions) => addressForm(options.kind);

/** A payment or shipping address: country and region (as ids), city, street, postcode where the country needs one. */
export class AddressDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps, private readonly words: YesNoRecognizer) {
    super(DIALOG.address);
    this.addDialog(new FieldsDialog(deps)).addDialog(new RegionDialog(deps));
    this.addDialog(yesNoPrompt(SAVED_PROMPT, deps, words));
    this.addDialog(
      new WaterfallDialog('addressSteps', [this.offerSaved.bind(this), this.askRegion.bind(this), this.askFields.bind(this), this.save.bind(this)]),
    );
    this.initialDialogId = 'addressSteps';
  }

  private async saved(step: WaterfallStepContext<AddressOptions>): Promise<Address | null> {
    const profile = await this.deps.store.profile(step.context);
    return step.options.kind === 'payment' ? profile.paymentAddress : (profile.shippingAddress ?? profile.paymentAddress);
  }

  private async offerSaved(step: WaterfallStepContext<AddressOptions>) {
    // Answers kept from before an anytime command ("cart", a language): go on at the open question.
    if (hasFormInProgress(await this.deps.store.flow(step.context), formOf(step.options))) return step.next(null);
    const saved = await this.saved(step);
    const t = translate(step.context, this.deps.translator);
    await step.context.sendActivity(t(`address.intro_${step.options.kind}`));
    if (!saved || step.options.skipSaved) return step.next(null);
    return step.prompt(SAVED_PROMPT, { prompt: yesNoQuestion(step.context, this.deps, t('address.useSaved', { address: addressText(saved, localeOf(step.context)) })) });
  }

  private async askRegion(step: WaterfallStepContext<AddressOptions>) {
    const saved = await this.saved(step);
    if (saved && step.result && yesNoAnswer(step.result as CustomerInput, this.words)) return step.endDialog(await this.store(step, saved));
    const kept = formInProgress(await this.deps.store.flow(step.context), formOf(step.options)).region;
    return kept ? step.next(kept) : step.beginDialog(DIALOG.region);
  }

  private async askFields(step: WaterfallStepContext<AddressOptions>) {
    const region = step.result as Region;
    stepValues<{ region: Region }>(step).region = region;
    const form = formInProgress(await this.deps.store.flow(step.context), formOf(step.options));
    form.region = region;
    const fields: FieldName[] = region.postcodeRequired ? ['city', 'address1', 'postcode'] : ['city', 'address1'];
    const about = { countryIso2: region.countryIso2, countryName: region.countryName };
    return step.beginDialog(DIALOG.fields, resumeFields(fields, form.values, { about, form: formOf(step.options) }));
  }

  private async save(step: WaterfallStepContext<AddressOptions>) {
    const region = stepValues<{ region: Region }>(step).region!;
    const fields = step.result as Partial<Record<FieldName, string>>;
    dropFormInProgress(await this.deps.store.flow(step.context), formOf(step.options));
    const state = await this.deps.store.checkout(step.context);
    const contact = state.draft.contact;
    const address: Address = {
      firstname: contact?.firstname ?? '',
      lastname: contact?.lastname ?? '',
      company: '',
      address1: fields.address1 ?? '',
      address2: '',
      city: fields.city ?? '',
      postcode: fields.postcode ?? '',
      countryId: region.countryId,
      countryName: region.countryName,
      ...(region.countryIso2 ? { countryIso2: region.countryIso2 } : {}),
      zoneId: region.zoneId,
      zoneName: region.zoneName,
    };
    const ok = await this.store(step, address);
    return ok ? step.endDialog(true) : step.replaceDialog(this.id, { ...step.options, skipSaved: true });
  }

  private async store(step: WaterfallStepContext<AddressOptions>, address: Address): Promise<boolean> {
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const result =
      step.options.kind === 'payment'
        ? await this.deps.checkout.setPaymentAddress(state, address)
        : await this.deps.checkout.setShippingAddress(state, address);
    if (!result.ok) await step.context.sendActivity(translate(step.context, this.deps.translator)(problemKey(result.problem)));
    return result.ok;
  }
}
