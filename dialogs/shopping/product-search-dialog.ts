import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLog } from '../../src/log';
import { choiceCard } from '../../src/cards';
import type { TurnContext } from 'botbuilder';
import { pageOf } from '../../src/bot/webchat-join';
import { StorefrontHttpError } from '../../src/catalog/fetcher';
import { readThisProduct } from '../../src/catalog/query/this-product';
import type { FoundProducts, ProductQuery } from '../../src/catalog/types';
import { catalogOptions } from '../currency';
import { DIALOG } from '../ids';
import { CategoryBrowseDialog } from './category-browse-dialog';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { ProductResultsDialog } from './product-results-dialog';
import type { BrowseOutcome } from '../prompts/outcomes';
import { cardActivity, showTyping, stepValues, translate, type DialogDeps } from '../turn';
import { lengthRefusal } from '../prompts/answer-limits';
import { answerValidator } from '../prompts/validation';

const PROMPT = 'productSearchPrompt';
const SEARCH_LIMIT = 30;

export interface ProductSearchOptions {
  text?: string;
  browse?: string | null;
  /** A product already chosen (a "choose" button pressed on an older card). */
  productId?: number;
  /** Products the customer's message asked for after this one ("… and an iphone"), looked for in turn. */
  queued?: string[];
}

/** The product the customer chose, with what their words said about quantity and options. */
export interface ProductPick {
  productId: number;
  quantity: number | null;
  optionWords: string[];
  /** What to look for once this product is in the cart. */
  queued?: string[];
}

/** The search for the next queued product, or a fresh question when none is left. */
export function nextSearch(queued: string[] | undefined): ProductSearchOptions {
  return queued?.length ? { text: queued[0], queued: queued.slice(1) } : {};
}

interface SearchValues {
  query: ProductQuery;
  queued: string[];
}

/**
 * On a product page of the shop (the widget's page context), "I'll take this in red", "2 of these", "das hier" mean
 * that product, with the quantity and option words the sentence gives, as a search's words would.
 */
function thisProductOnPage(ctx: TurnContext, text: string): ProductPick | null {
  const productId = pageOf(ctx)?.productId;
  const request = productId ? readThisProduct(text) : null;
  return productId && request ? { productId, quantity: request.quantity, optionWords: request.optionWords } : null;
}

/** Finds a product from free text ("2 red canon cameras") or by browsing categories. */
export class ProductSearchDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.productSearch);
    this.addDialog(new ProductResultsDialog(deps)).addDialog(new CategoryBrowseDialog(deps));
    this.addDialog(new InputPrompt(PROMPT, answerValidator(deps, { actions: ['cats'], limit: 'search', text: () => null })));
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
    // Text typed where no question was open reaches this step unchecked: the search's limit applies here too.
    const tooLong = lengthRefusal(input.text, 'search');
    if (tooLong) {
      await step.context.sendActivity(t(tooLong.key, tooLong.vars));
      return step.replaceDialog(this.id, {});
    }
    const onPage = thisProductOnPage(step.context, input.text);
    if (onPage) return step.endDialog(onPage);
    await showTyping(step.context);
    const found = await this.find(step.context, input.text);
    if (!found) {
      await step.context.sendActivity(t('search.searchFailed'));
      return step.replaceDialog(this.id, {});
    }
    const queued = [...(found.more ?? []), ...(step.options.queued ?? [])];
    if (!found.products.length) {
      await step.context.sendActivity(t('search.nothingFound', { text: found.more ? found.query.search : input.text }));
      // The message asked for more: on with the next product rather than asking again.
      return step.replaceDialog(this.id, nextSearch(queued));
    }
    Object.assign(stepValues<SearchValues>(step), { query: found.query, queued } satisfies SearchValues);
    const title = t('search.resultsTitle', { count: found.products.length, text: found.query.search || input.text });
    // Not relaxed: every product word was searched, so the query's other words are the option values named.
    const optionsNamed = !found.relaxed && found.query.optionWords.length > 0;
    return step.beginDialog(DIALOG.productResults, {
      title,
      products: found.products,
      page: 0,
      words: found.query.search,
      optionsNamed,
      category: found.category,
    });
  }

  /** The search's products, or null when the storefront refused the search (HTTP 4xx/5xx); the log never gets its text. */
  private async find(ctx: TurnContext, text: string): Promise<FoundProducts | null> {
    try {
      return await this.deps.catalog.findProducts(text, await catalogOptions(ctx, this.deps, { limit: SEARCH_LIMIT }));
    } catch (error) {
      if (!(error instanceof StorefrontHttpError)) throw error;
      turnLog(ctx, this.deps.logger).warn({ route: error.route, status: error.status, searchLength: text.length }, 'storefront refused a search');
      return null;
    }
  }

  private async chosen(step: WaterfallStepContext<ProductSearchOptions>) {
    const outcome = step.result as BrowseOutcome;
    const { query, queued = [] } = stepValues<Partial<SearchValues>>(step);
    if ('search' in outcome) return step.replaceDialog(this.id, { text: outcome.search, queued });
    if ('browse' in outcome) return step.replaceDialog(this.id, { browse: outcome.browse, queued });
    const pick: ProductPick = {
      productId: outcome.productId,
      quantity: query?.quantity ?? null,
      optionWords: query?.optionWords ?? [],
      queued,
    };
    return step.endDialog(pick);
  }
}
