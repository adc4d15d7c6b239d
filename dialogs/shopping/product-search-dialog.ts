import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard } from '../../src/cards';
import type { ProductQuery } from '../../src/catalog/types';
import { catalogOptions } from '../currency';
import { DIALOG } from '../ids';
import { CategoryBrowseDialog } from './category-browse-dialog';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { ProductResultsDialog } from './product-results-dialog';
import type { BrowseOutcome } from '../prompts/outcomes';
import { cardActivity, showTyping, stepValues, translate, type DialogDeps } from '../turn';
import { answerValidator } from '../prompts/validation';

const PROMPT = 'productSearchPrompt';
const SEARCH_LIMIT = 30;

export interface ProductSearchOptions {
  text?: string;
  browse?: string | null;
  /** A product already chosen (a "choose" button pressed on an older card). */
  productId?: number;
}

/** The product the customer chose, with what their words said about quantity and options. */
export interface ProductPick {
  productId: number;
  quantity: number | null;
  optionWords: string[];
}

/** Finds a product from free text ("2 red canon cameras") or by browsing categories. */
export class ProductSearchDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.productSearch);
    this.addDialog(new ProductResultsDialog(deps)).addDialog(new CategoryBrowseDialog(deps));
    this.addDialog(new InputPrompt(PROMPT, answerValidator(deps, { actions: ['cats'], text: () => null })));
    this.addDialog(new WaterfallDialog('productSearchSteps', [this.ask.bind(this), this.search.bind(this), this.chosen.bind(this)]));
    this.initialDialogId = 'productSearchSteps';
  }

  private async ask(step: WaterfallStepContext<ProductSearchOptions>) {
    if (step.options.productId) return step.endDialog({ productId: step.options.productId, quantity: null, optionWords: [] } satisfies ProductPick);
    if (step.options.browse !== undefined) return step.next({ text: '', action: { a: 'cat', v: step.options.browse ?? undefined } });
    if (step.options.text) return step.next({ text: step.options.text, action: null });
    const t = translate(step.context, this.deps.translator);
    const card = choiceCard({ text: t('search.whatAreYouLookingFor'), choices: [{ title: t('cards.browseCategories'), action: { a: 'cats' } }] });
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, card) });
  }

  private async search(step: WaterfallStepContext<ProductSearchOptions>) {
    const input = step.result as Pick<CustomerInput, 'text' | 'action'>;
    if (input.action) return step.beginDialog(DIALOG.categoryBrowse, { path: input.action.v ?? null });
    const t = translate(step.context, this.deps.translator);
    await showTyping(step.context);
    const found = await this.deps.catalog.findProducts(input.text, await catalogOptions(step.context, this.deps, { limit: SEARCH_LIMIT }));
    if (!found.products.length) {
      await step.context.sendActivity(t('search.nothingFound', { text: input.text }));
      return step.replaceDialog(this.id, {});
    }
    stepValues<{ query: ProductQuery }>(step).query = found.query;
    const title = t('search.resultsTitle', { count: found.products.length, text: found.query.search || input.text });
    return step.beginDialog(DIALOG.productResults, { title, products: found.products, page: 0 });
  }

  private async chosen(step: WaterfallStepContext<ProductSearchOptions>) {
    const outcome = step.result as BrowseOutcome;
    if ('search' in outcome) return step.replaceDialog(this.id, { text: outcome.search });
    if ('browse' in outcome) return step.replaceDialog(this.id, { browse: outcome.browse });
    const query = stepValues<{ query: ProductQuery }>(step).query;
    const pick: ProductPick = { productId: outcome.productId, quantity: query?.quantity ?? null, optionWords: query?.optionWords ?? [] };
    return step.endDialog(pick);
  }
}
