import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard, countryDisplayName } from '../../src/cards';
import { readCountryAnswer, type CountryAnswer } from '../../src/catalog/geo/country-answer';
import type { Country, CountryRef, Resolution, Zone } from '../../src/catalog/types';
import { DIALOG } from '../ids';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { cardActivity, localeOf, stepValues, translate, type DialogDeps } from '../turn';
import { answerValidator, type Refusal } from '../prompts/validation';

const COUNTRY_PROMPT = 'countryPrompt';
const ZONE_PROMPT = 'zonePrompt';
const MAX_CANDIDATES = 8;
/** OpenCart's zone_id for "no region": accepted for countries without zones (only an empty string is refused). */
export const NO_ZONE_ID = 0;

/** A country and region as OpenCart's numeric ids, plus whether the country needs a postcode. */
export interface Region {
  countryId: number;
  countryName: string;
  /** ISO 3166-1 alpha-2 ("DE"), or undefined where the store has none: for display names and postcode formats. */
  countryIso2?: string;
  zoneId: number;
  zoneName: string;
  postcodeRequired: boolean;
}

type Named = { name: string };

export type { CountryAnswer };

/**
 * Country and region from what the customer types (any language, ISO code, small typos); ambiguity => buttons.
 * Both in one answer skip the region question; a country without regions gets zone 0 and no question.
 */
export class RegionDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.region);
    const countryRules = answerValidator(deps, {
      actions: ['pickc'],
      limit: 'country',
      text: async (text, ctx) => this.refuse(ctx, await readCountryAnswer(deps.catalog, text, localeOf(ctx)), (c) => c.countryId, 'address.unknownCountry'),
    });
    const zoneRules = answerValidator(deps, {
      actions: ['pickc'],
      limit: 'region',
      text: async (text, ctx, rules) =>
        this.refuse(ctx, await deps.catalog.resolveZone((rules as { countryId: number }).countryId, text), (z) => z.zoneId, 'address.unknownZone'),
    });
    this.addDialog(new InputPrompt(COUNTRY_PROMPT, countryRules));
    this.addDialog(new InputPrompt(ZONE_PROMPT, zoneRules));
    this.addDialog(new WaterfallDialog('regionSteps', [this.askCountry.bind(this), this.askZone.bind(this), this.done.bind(this)]));
    this.initialDialogId = 'regionSteps';
  }

  private async refuse<T extends Named>(ctx: TurnContext, found: Resolution<T> | CountryAnswer, id: (x: T) => number, unknownKey: string): Promise<Refusal> {
    if (found.kind === 'found') return null;
    if (found.kind === 'none') return { key: unknownKey };
    const candidates = found.candidates as T[];
    const shown = candidates.slice(0, MAX_CANDIDATES);
    const titles = await Promise.all(shown.map((c) => this.candidateTitle(ctx, c)));
    const choices = shown.map((c, i) => ({ title: titles[i], action: { a: 'pickc' as const, v: String(id(c)) } }));
    return { key: 'address.whichOne', then: cardActivity(ctx, choiceCard({ choices })) };
  }

  /** Countries in the customer's language (from their ISO codes); regions as the store names them. */
  private async candidateTitle(ctx: TurnContext, candidate: Named): Promise<string> {
    if (!isCountryRef(candidate)) return candidate.name;
    const country = await this.deps.catalog.country(candidate.countryId);
    return countryDisplayName(country?.isoCode2, candidate.name, localeOf(ctx));
  }

  private async askCountry(step: WaterfallStepContext<{ countryId?: number }>) {
    // The country is known already (the address form or a typed address named it): only its region is asked.
    const countryId = step.options?.countryId;
    if (countryId) return step.next({ text: '', action: { a: 'pickc', v: String(countryId) }, unreadableButton: false });
    return step.prompt(COUNTRY_PROMPT, { prompt: translate(step.context, this.deps.translator)('address.askCountry') });
  }

  private async askZone(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    const t = translate(step.context, this.deps.translator);
    let countryId = Number(input.action?.v);
    let zone: Zone | null = null;
    if (!input.action) {
      const found = await readCountryAnswer(this.deps.catalog, input.text, localeOf(step.context));
      countryId = found.kind === 'found' ? found.value.countryId : 0;
      zone = found.kind === 'found' ? found.zone : null;
    }
    const country = await this.deps.catalog.country(countryId);
    if (!country) {
      await step.context.sendActivity(t('address.countryNotServed'));
      return step.replaceDialog(this.id);
    }
    if (!country.zones.length) return step.endDialog(regionOf(country, { zoneId: NO_ZONE_ID, name: '' }));
    if (zone) return step.endDialog(regionOf(country, zone));
    stepValues<{ country: Country }>(step).country = country;
    return step.prompt(ZONE_PROMPT, { prompt: t('address.askZone', { country: countryDisplayName(country.isoCode2, country.name, localeOf(step.context)) }), validations: { countryId } });
  }

  private async done(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    const country = stepValues<{ country: Country }>(step).country!;
    let zone = country.zones.find((z) => String(z.zoneId) === input.action?.v);
    if (!input.action) {
      const found = await this.deps.catalog.resolveZone(country.countryId, input.text);
      zone = found.kind === 'found' ? found.value : undefined;
    }
    if (!zone) {
      await step.context.sendActivity(translate(step.context, this.deps.translator)('common.staleButton'));
      return step.replaceDialog(this.id);
    }
    return step.endDialog(regionOf(country, zone));
  }
}

function isCountryRef(x: Named): x is CountryRef {
  return 'countryId' in x && !('zoneId' in x);
}

export function regionOf(country: Country, zone: Pick<Zone, 'zoneId' | 'name'>): Region {
  const iso2 = country.isoCode2.trim().toUpperCase();
  return {
    countryId: country.countryId,
    countryName: country.name,
    ...(/^[A-Z]{2}$/.test(iso2) ? { countryIso2: iso2 } : {}),
    zoneId: zone.zoneId,
    zoneName: zone.name,
    postcodeRequired: country.postcodeRequired,
  };
}
