import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard } from '../src/cards';
import type { Resolution } from '../src/catalog/types';
import { DIALOG } from './ids';
import { InputPrompt, type CustomerInput } from './input-prompt';
import { cardActivity, localeOf, stepValues, translate, type DialogDeps } from './turn';
import { answerValidator, type Refusal } from './validation';

const COUNTRY_PROMPT = 'countryPrompt';
const ZONE_PROMPT = 'zonePrompt';
const MAX_CANDIDATES = 8;

/** A country and region as OpenCart's numeric ids, plus whether the country needs a postcode. */
export interface Region {
  countryId: number;
  countryName: string;
  zoneId: number;
  zoneName: string;
  postcodeRequired: boolean;
}

type Named = { name: string };

/** Country and region from what the customer types (any language, ISO code, small typos); ambiguity => buttons. */
export class RegionDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.region);
    const countryRules = answerValidator(deps, {
      actions: ['pickc'],
      text: async (text, ctx) => this.refuse(ctx, await deps.catalog.resolveCountry(text, localeOf(ctx)), (c) => c.countryId, 'address.unknownCountry'),
    });
    const zoneRules = answerValidator(deps, {
      actions: ['pickc'],
      text: async (text, ctx, rules) =>
        this.refuse(ctx, await deps.catalog.resolveZone((rules as { countryId: number }).countryId, text), (z) => z.zoneId, 'address.unknownZone'),
    });
    this.addDialog(new InputPrompt(COUNTRY_PROMPT, countryRules));
    this.addDialog(new InputPrompt(ZONE_PROMPT, zoneRules));
    this.addDialog(new WaterfallDialog('regionSteps', [this.askCountry.bind(this), this.askZone.bind(this), this.done.bind(this)]));
    this.initialDialogId = 'regionSteps';
  }

  private async refuse<T extends Named>(ctx: TurnContext, found: Resolution<T>, id: (x: T) => number, unknownKey: string): Promise<Refusal> {
    if (found.kind === 'found') return null;
    if (found.kind === 'none') return { key: unknownKey };
    const choices = found.candidates.slice(0, MAX_CANDIDATES).map((c) => ({ title: c.name, action: { a: 'pickc' as const, v: String(id(c)) } }));
    return { key: 'address.whichOne', then: cardActivity(ctx, choiceCard({ choices })) };
  }

  private async askCountry(step: WaterfallStepContext) {
    return step.prompt(COUNTRY_PROMPT, { prompt: translate(step.context, this.deps.translator)('address.askCountry') });
  }

  private async askZone(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    const t = translate(step.context, this.deps.translator);
    let countryId = Number(input.action?.v);
    if (!input.action) {
      const found = await this.deps.catalog.resolveCountry(input.text, localeOf(step.context));
      countryId = found.kind === 'found' ? found.value.countryId : 0;
    }
    const country = await this.deps.catalog.country(countryId);
    if (!country || !country.zones.length) {
      await step.context.sendActivity(t('address.countryNotServed'));
      return step.replaceDialog(this.id);
    }
    stepValues<{ country: typeof country }>(step).country = country;
    return step.prompt(ZONE_PROMPT, { prompt: t('address.askZone', { country: country.name }), validations: { countryId } });
  }

  private async done(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    const country = stepValues<{ country: NonNullable<Awaited<ReturnType<DialogDeps['catalog']['country']>>> }>(step).country!;
    let zone = country.zones.find((z) => String(z.zoneId) === input.action?.v);
    if (!input.action) {
      const found = await this.deps.catalog.resolveZone(country.countryId, input.text);
      zone = found.kind === 'found' ? found.value : undefined;
    }
    if (!zone) {
      await step.context.sendActivity(translate(step.context, this.deps.translator)('common.staleButton'));
      return step.replaceDialog(this.id);
    }
    const region: Region = {
      countryId: country.countryId,
      countryName: country.name,
      zoneId: zone.zoneId,
      zoneName: zone.name,
      postcodeRequired: country.postcodeRequired,
    };
    return step.endDialog(region);
  }
}
