import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { productResultsCard } from '../../src/cards';
import { foldText } from '../../src/catalog';
import type { ProductSummary } from '../../src/catalog/types';
import { normalizeWords } from '../commands/commands';
import { DIALOG } from '../ids';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import type { BrowseOutcome } from '../prompts/outcomes';
import { cardActivity, translate, type DialogDeps } from '../turn';
import { answerValidator } from '../prompts/validation';

export const RESULTS_PAGE_SIZE = 5;
const PROMPT = 'productResultsPrompt';

export interface ProductResultsOptions {
  title: string;
  products: ProductSummary[];
  page: number;
  /** The words searched for: a single product whose name has every one of them (two or more) is taken without asking. */
  words?: string;
  /** The customer also named option values ("rote canon"): one searched word is then enough to name the product. */
  optionsNamed?: boolean;
  /** Words that named a top category ("cameras"), and the products it lists: only those can be taken without asking. */
  category?: { words: number; productIds: number[] };
}

/**
 * The one product whose name has every searched word, when exactly one has. Words that named a category count
 * towards the two words that name a product, and the product must then be listed in that category.
 */
export function onlyFullMatch(
  products: ProductSummary[],
  words: string | undefined,
  optionsNamed = false,
  category?: ProductResultsOptions['category'],
): ProductSummary | null {
  const wanted = foldText(words ?? '').split(' ').filter(Boolean);
  // One word ("canon", "macbook") is browsing a brand or a line; two or more, or one with its options, name the product.
  if (wanted.length + (category?.words ?? 0) < (optionsNamed ? 1 : 2)) return null;
  const matching = products.filter((p) => {
    if (category && !category.productIds.includes(p.productId)) return false;
    const name = foldText(p.name).split(' ');
    return wanted.every((w) => name.some((n) => n.startsWith(w)));
  });
  return matching.length === 1 ? matching[0] : null;
}

/** Shows found products a page at a time as cards; ends with the chosen product, a new search, or browsing. */
export class ProductResultsDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.productResults);
    this.addDialog(new InputPrompt(PROMPT, answerValidator(deps, { actions: ['pick', 'more', 'cats', 'cat'], limit: 'search', text: () => null })));
    this.addDialog(new WaterfallDialog('productResultsSteps', [this.showPage.bind(this), this.act.bind(this)]));
    this.initialDialogId = 'productResultsSteps';
  }

  private async showPage(step: WaterfallStepContext<ProductResultsOptions>) {
    const { title, products, page, words, optionsNamed, category } = step.options;
    const only = page === 0 ? onlyFullMatch(products, words, optionsNamed, category) : null;
    if (only) return step.endDialog({ productId: only.productId } satisfies BrowseOutcome);
    const shown = products.slice(page * RESULTS_PAGE_SIZE, (page + 1) * RESULTS_PAGE_SIZE);
    const hasMore = products.length > (page + 1) * RESULTS_PAGE_SIZE;
    const t = translate(step.context, this.deps.translator);
    const card = productResultsCard({ title, products: shown, hasMore }, t);
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, card, t('search.pickHint')) });
  }

  private async act(step: WaterfallStepContext<ProductResultsOptions>) {
    const input = step.result as CustomerInput;
    const { products, page } = step.options;
    const end = (outcome: BrowseOutcome) => step.endDialog(outcome);
    const asksForMore = this.deps.translator.allTranslations('search.moreWords').some((w) => w.split('|').includes(normalizeWords(input.text)));
    const action = input.action ?? (asksForMore ? { a: 'more' as const, v: undefined } : null);
    switch (action?.a) {
      case 'pick':
        return end({ productId: Number(action.v) });
      case 'more':
        if (products.length > (page + 1) * RESULTS_PAGE_SIZE) return step.replaceDialog(this.id, { ...step.options, page: page + 1 });
        await step.context.sendActivity(translate(step.context, this.deps.translator)('search.noMoreResults'));
        return step.replaceDialog(this.id, step.options);
      case 'cats':
        return end({ browse: null });
      case 'cat':
        return end({ browse: action.v ?? null });
    }
    if (/^\d{1,3}$/.test(input.text)) {
      // A number names a product of the card; one that names none is not a search ("0" found four products).
      const shown = Math.min(products.length - page * RESULTS_PAGE_SIZE, RESULTS_PAGE_SIZE);
      const number = Number(input.text);
      if (number >= 1 && number <= shown) return end({ productId: products[page * RESULTS_PAGE_SIZE + number - 1].productId });
      const t = translate(step.context, this.deps.translator);
      await step.context.sendActivity(t('search.noSuchNumber', { number, count: shown }));
      return step.replaceDialog(this.id, step.options);
    }
    return end({ search: input.text });
  }
}
