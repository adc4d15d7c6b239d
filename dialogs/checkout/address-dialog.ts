import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { addressFormCard, addressText, choiceCard, countryDisplayName, FORM_NAMES, submittedValues, ADDRESS_FIELDS, type AddressField } from '../../src/cards';
import type { Country, CountryRef } from '../../src/catalog/types';
import type { Address } from '../../src/domain/draft';
import { countryFromLocale } from '../../src/domain/parsers';
import type { YesNoRecognizer } from '../commands/commands';
import { checkField, checkFields, fieldMaxLengths, formOrWords, refusalTexts, type FieldName } from './fields-dialog';
import { DIALOG } from '../ids';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { isCustomerInput } from '../prompts/outcomes';
import { dropFormInProgress, formInProgress, hasFormInProgress, type FormInProgress, type FormKey } from '../order-state';
import { problemKey } from '../prompts/problems';
import { RegionDialog, type Region } from './region-dialog';
import { cardActivity, localeOf, showTyping, translate, type DialogDeps } from '../turn';
import { answerValidator, type Refusal } from '../prompts/validation';
import { lengthRefusal } from '../prompts/answer-limits';
import { yesNoAnswer, yesNoPrompt, yesNoQuestion } from '../prompts/yes-no';
import { readTypedAddress, regionOf, type TypedAddress } from './typed-address';

const SAVED_PROMPT = 'addressSavedPrompt';
const PROMPT = 'addressPrompt';
const TEXT_FIELDS = ['city', 'address1', 'postcode'] as const satisfies readonly FieldName[];
type TextField = (typeof TEXT_FIELDS)[number];

export interface AddressOptions {
  kind: 'payment' | 'shipping';
  skipSaved?: boolean;
  /** Words instead of the form: the customer typed, or the channel has no forms. */
  typed?: boolean;
  refused?: Partial<Record<AddressField, Refusal>>;
  reason?: Refusal;
  sent?: Partial<Record<AddressField, string>>;
  /** Countries the last answer could mean, offered as buttons. */
  candidates?: { title: string; countryId: number }[];
}

/** Where this address's answers are kept while it is being typed. */
export function addressForm(kind: AddressOptions['kind']): FormKey {
  return kind === 'payment' ? 'address.payment' : 'address.shipping';
}
const formOf = (options: AddressOptions) => addressForm(options.kind);

/**
 * A payment or shipping address: country and region (as ids), city, street, postcode where the country needs one.
 * One form where the channel has forms; typed, one message may carry all of it ("221B Baker Street, London NW1 6XE,
 * UK") and only what is missing is asked; the region is asked by the region question once the country is known.
 */
export class AddressDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps, private readonly words: YesNoRecognizer) {
    super(DIALOG.address);
    this.addDialog(new RegionDialog(deps));
    this.addDialog(yesNoPrompt(SAVED_PROMPT, deps, words));
    const validator = answerValidator(deps, {
      actions: ['form', 'pickc'],
      action: (action) => (action.a === 'pickc' || action.v === FORM_NAMES.address ? null : { key: 'common.staleButton' }),
      text: () => null,
    });
    this.addDialog(new InputPrompt(PROMPT, validator));
    this.addDialog(new WaterfallDialog('addressSteps', [this.offerSaved.bind(this), this.ask.bind(this), this.take.bind(this)]));
    this.initialDialogId = 'addressSteps';
  }

  private async saved(step: WaterfallStepContext<AddressOptions>): Promise<Address | null> {
    const profile = await this.deps.store.profile(step.context);
    return step.options.kind === 'payment' ? profile.paymentAddress : (profile.shippingAddress ?? profile.paymentAddress);
  }

  private async offerSaved(step: WaterfallStepContext<AddressOptions>) {
    // Answers kept from before an anytime command ("cart", a language): go on at the open question.
    if (step.options.skipSaved || hasFormInProgress(await this.deps.store.flow(step.context), formOf(step.options))) return step.next(null);
    const saved = await this.saved(step);
    const t = translate(step.context, this.deps.translator);
    await step.context.sendActivity(t(`address.intro_${step.options.kind}`));
    if (!saved) return step.next(null);
    return step.prompt(SAVED_PROMPT, { prompt: yesNoQuestion(step.context, this.deps, t('address.useSaved', { address: addressText(saved, localeOf(step.context)) })) });
  }

  private async ask(step: WaterfallStepContext<AddressOptions>) {
    const saved = await this.saved(step);
    if (saved && step.result && yesNoAnswer(step.result as CustomerInput, this.words)) {
      return (await this.store(step, saved)) ? step.endDialog(true) : step.replaceDialog(this.id, { ...step.options, skipSaved: true });
    }
    const form = formInProgress(await this.deps.store.flow(step.context), formOf(step.options));
    const country = await this.countryOf(form);
    const missing = missingFields(form, country);
    if (!missing.length) return step.next(null);
    const { typed, reason } = step.options;
    // Typed: the region by the region question, as before; the form asks it with the rest.
    if (typed && missing[0] === 'zone') return step.beginDialog(DIALOG.region, { countryId: country!.countryId });
    const t = translate(step.context, this.deps.translator);
    const asked = missing[0] === 'country' ? (Object.keys(form.values).length ? 'address.askCountry' : 'address.askAll') : `fields.ask_${missing[0]}`;
    const words = reason ? t(reason.key, reason.vars) : t(asked);
    if (step.options.candidates?.length) {
      const choices = step.options.candidates.map((c) => ({ title: c.title, action: { a: 'pickc' as const, v: String(c.countryId) } }));
      return step.prompt(PROMPT, { prompt: cardActivity(step.context, choiceCard({ text: t('address.whichOne'), choices })) });
    }
    const card = await this.formCard(step, form, country);
    return step.prompt(PROMPT, { prompt: formOrWords(step.context, !typed, () => card, words) });
  }

  private async take(step: WaterfallStepContext<AddressOptions>) {
    const form = formInProgress(await this.deps.store.flow(step.context), formOf(step.options));
    const result = step.result as CustomerInput | Region | null;
    const again = (more: Partial<AddressOptions>) => step.replaceDialog(this.id, { kind: step.options.kind, skipSaved: true, ...more });
    if (result && !isCustomerInput(result)) {
      form.region = result;
      form.values.countryId = String(result.countryId);
      return again({ typed: true });
    }
    if (result?.action?.a === 'pickc') {
      const picked = await this.deps.catalog.country(Number(result.action.v));
      if (picked) this.takeTyped(form, { kind: 'read', text: '', country: picked, zone: null, fields: {} }, null, localeOf(step.context));
      return again({ typed: true });
    }
    if (result?.action) {
      const sent = submittedValues(step.context.activity.value, ADDRESS_FIELDS);
      const refused = await this.takeForm(step.context, form, sent);
      return Object.keys(refused).length ? again({ refused, sent }) : this.saveIfComplete(step, form, again);
    }
    if (result) {
      const country = await this.countryOf(form);
      const read = await readTypedAddress(this.deps.catalog, result.text, localeOf(step.context), country);
      if (read.kind === 'ambiguous') return again({ typed: true, candidates: await this.candidateTitles(step.context, read.candidates) });
      const reason = this.takeTyped(form, read, country, localeOf(step.context));
      if (reason) return again({ typed: true, reason });
      return this.saveIfComplete(step, form, () => again({ typed: true }));
    }
    return this.saveIfComplete(step, form, again);
  }

  private async saveIfComplete(step: WaterfallStepContext<AddressOptions>, form: FormInProgress, again: (more: Partial<AddressOptions>) => Promise<DialogTurnResult>): Promise<DialogTurnResult> {
    const country = await this.countryOf(form);
    if (missingFields(form, country).length || !form.region) return again({});
    const values = form.values;
    dropFormInProgress(await this.deps.store.flow(step.context), formOf(step.options));
    const contact = (await this.deps.store.checkout(step.context)).draft.contact;
    const region = form.region;
    const address: Address = {
      firstname: contact?.firstname ?? '',
      lastname: contact?.lastname ?? '',
      company: '',
      address1: values.address1 ?? '',
      address2: '',
      city: values.city ?? '',
      postcode: values.postcode ?? '',
      countryId: region.countryId,
      countryName: region.countryName,
      ...(region.countryIso2 ? { countryIso2: region.countryIso2 } : {}),
      zoneId: region.zoneId,
      zoneName: region.zoneName,
    };
    const ok = await this.store(step, address);
    return ok ? step.endDialog(true) : step.replaceDialog(this.id, { kind: step.options.kind, skipSaved: true });
  }

  /** A sent form: the country and region as ids, each text field checked; the refusals per field. */
  private async takeForm(ctx: TurnContext, form: FormInProgress, sent: Partial<Record<AddressField, string>>): Promise<Partial<Record<AddressField, Refusal>>> {
    const refused: Partial<Record<AddressField, Refusal>> = {};
    const country = sent.country ? await this.deps.catalog.country(Number(sent.country)) : await this.countryOf(form);
    if (!country) return { country: { key: 'address.countryNotServed' } };
    if (String(country.countryId) !== form.values.countryId) form.region = null;
    form.values.countryId = String(country.countryId);
    // The region as chosen from the list, or typed; left empty, a city named like its region ("Berlin") names it.
    const zoneText = sent.zone?.trim() || sent.city?.trim() || '';
    const tooLong = lengthRefusal(zoneText, 'region');
    if (tooLong) return { zone: tooLong };
    const zone = country.zones.find((z) => String(z.zoneId) === zoneText) ?? (zoneText ? await this.resolvedZone(country, zoneText) : null);
    if (!country.zones.length) form.region = regionOf(country, null);
    else if (zone) form.region = regionOf(country, zone);
    else if (!form.region) refused.zone = { key: 'fields.chooseZone' };
    const fields = TEXT_FIELDS.filter((f) => f !== 'postcode' || country.postcodeRequired || sent.postcode?.trim());
    const { accepted, refused: refusedText } = checkFields(sent, fields, localeOf(ctx), aboutOf(country));
    Object.assign(form.values, accepted);
    for (const f of fields) if (!accepted[f]) delete form.values[f];
    Object.assign(refused, refusedText);
    for (const f of missingFields(form, country)) if (f !== 'country' && f !== 'zone') refused[f] ??= { key: 'fields.required' };
    return refused;
  }

  private async resolvedZone(country: Country, text: string) {
    const found = await this.deps.catalog.resolveZone(country.countryId, text);
    return found.kind === 'found' ? found.value : null;
  }

  /** A typed answer's parts into the form; the refusal of the field that was asked when it gave nothing. */
  private takeTyped(form: FormInProgress, read: Exclude<TypedAddress, { kind: 'ambiguous' }>, known: Country | null, locale: string): Refusal {
    if (read.kind === 'none') return { key: 'address.unknownCountry' };
    const country = read.country ?? known;
    if (read.country && String(read.country.countryId) !== form.values.countryId) {
      form.region = read.country.zones.length ? null : regionOf(read.country, null);
      form.values.countryId = String(read.country.countryId);
    }
    if (country && read.zone) form.region = regionOf(country, read.zone);
    const about = country ? aboutOf(country) : {};
    const asked = missingFields(form, country).find((f): f is TextField => TEXT_FIELDS.some((t) => t === f));
    const parts = Object.entries(read.fields) as [TextField, string][];
    if (!parts.length && !read.country && asked) {
      const checked = checkField(asked, read.text, locale, about);
      if (!checked.ok) return { key: checked.reason, vars: checked.vars };
      form.values[asked] = checked.value;
      return null;
    }
    for (const [field, text] of parts) {
      const checked = checkField(field, text, locale, about);
      if (checked.ok) form.values[field] = checked.value;
      else if (field === asked) return { key: checked.reason, vars: checked.vars };
    }
    return null;
  }

  /** At most eight candidates, named in the customer's language where their ISO code is known. */
  private async candidateTitles(ctx: TurnContext, candidates: CountryRef[]) {
    const shown = candidates.slice(0, 8);
    const countries = await Promise.all(shown.map((c) => this.deps.catalog.country(c.countryId)));
    return shown.map((c, i) => ({ title: countryDisplayName(countries[i]?.isoCode2, c.name, localeOf(ctx)), countryId: c.countryId }));
  }

  private async countryOf(form: FormInProgress): Promise<Country | null> {
    const id = form.region?.countryId ?? Number(form.values.countryId ?? 0);
    return id ? this.deps.catalog.country(id) : null;
  }

  private async formCard(step: WaterfallStepContext<AddressOptions>, form: FormInProgress, known: Country | null) {
    const t = translate(step.context, this.deps.translator);
    const locale = localeOf(step.context);
    const country = known ?? (await this.defaultCountry(step.context));
    const countries = await this.deps.catalog.countries();
    const { refused = {}, sent = {} } = step.options;
    const values: Partial<Record<AddressField, string>> = {
      country: country ? String(country.countryId) : undefined,
      zone: form.region && form.region.zoneId ? String(form.region.zoneId) : undefined,
      city: form.values.city,
      address1: form.values.address1,
      postcode: form.values.postcode,
      ...sent,
      ...(country ? { country: String(country.countryId) } : {}),
    };
    if (refused.zone) delete values.zone;
    const view = {
      values,
      errors: refusalTexts(step.context, this.deps, refused),
      limits: fieldMaxLengths(TEXT_FIELDS),
      countries: countries.map((c) => ({ title: c.name, value: String(c.countryId) })),
      // A list of regions once the country is known; typed while the country is only a guess (it may be changed).
      zones: known ? known.zones.map((z) => ({ title: z.name, value: String(z.zoneId) })) : null,
      postcode: !country || country.postcodeRequired,
    };
    const title = t(`address.title_${step.options.kind}`, { country: country ? countryDisplayName(country.isoCode2, country.name, locale) : '' });
    return addressFormCard(view, t, title);
  }

  /** The country the form starts with: the billing address's for a delivery address, else the customer's language's. */
  private async defaultCountry(ctx: TurnContext): Promise<Country | null> {
    const billing = (await this.deps.store.checkout(ctx)).draft.paymentAddress;
    if (billing) return this.deps.catalog.country(billing.countryId);
    const iso2 = countryFromLocale(ctx.activity.locale ?? localeOf(ctx));
    if (!iso2) return null;
    const found = await this.deps.catalog.resolveCountry(iso2, localeOf(ctx));
    return found.kind === 'found' ? this.deps.catalog.country(found.value.countryId) : null;
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

/** What the form still lacks, in the order asked: the postcode only where the country needs one. */
function missingFields(form: FormInProgress, country: Country | null): AddressField[] {
  const missing: AddressField[] = [];
  if (!country) missing.push('country');
  else if (!form.region || form.region.countryId !== country.countryId) missing.push('zone');
  for (const field of TEXT_FIELDS) {
    if (field === 'postcode' && country && !country.postcodeRequired) continue;
    if (field === 'postcode' && !country) continue;
    if (!form.values[field]) missing.push(field);
  }
  return missing;
}

function aboutOf(country: Country) {
  const iso2 = country.isoCode2.trim().toUpperCase();
  return { countryIso2: /^[A-Z]{2}$/.test(iso2) ? iso2 : undefined, countryName: country.name };
}
