import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { categoriesCard } from '../../src/cards';
import { DIALOG } from '../ids';
import { InputPrompt } from '../prompts/input-prompt';
import { ProductResultsDialog } from './product-results-dialog';
import { isCustomerInput, type BrowseOutcome } from '../prompts/outcomes';
import { catalogOptions } from '../currency';
import { cardActivity, showTyping, translate, type DialogDeps } from '../turn';
import { answerValidator } from '../prompts/validation';

const PROMPT = 'categoryPrompt';

/** Browsing for customers without words for what they want: top categories, subcategories, their products. */
export class CategoryBrowseDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.categoryBrowse);
    this.addDialog(new ProductResultsDialog(deps));
    this.addDialog(new InputPrompt(PROMPT, answerValidator(deps, { actions: ['cat', 'cats'], limit: 'search', text: () => null })));
    this.addDialog(new WaterfallDialog('categorySteps', [this.show.bind(this), this.act.bind(this)]));
    this.initialDialogId = 'categorySteps';
  }

  private async show(step: WaterfallStepContext<{ path?: string | null }>) {
    const t = translate(step.context, this.deps.translator);
    const options = await catalogOptions(step.context, this.deps);
    await showTyping(step.context);
    if (!step.options.path) {
      const categories = await this.deps.catalog.topCategories(options);
      const card = categoriesCard({ title: t('search.categoriesTitle'), categories }, t);
      return step.prompt(PROMPT, { prompt: cardActivity(step.context, card) });
    }
    const page = await this.deps.catalog.category(step.options.path, options);
    if (!page || (!page.products.length && !page.subcategories.length)) {
      await step.context.sendActivity(t('search.categoryEmpty'));
      return step.replaceDialog(this.id, {});
    }
    const subcategories = categoriesCard({ title: page.category.name, categories: page.subcategories }, t);
    if (!page.products.length) return step.prompt(PROMPT, { prompt: cardActivity(step.context, subcategories) });
    if (page.subcategories.length) await step.context.sendActivity(cardActivity(step.context, subcategories));
    return step.beginDialog(DIALOG.productResults, { title: page.category.name, products: page.products, page: 0 });
  }

  private async act(step: WaterfallStepContext<{ path?: string | null }>) {
    if (isCustomerInput(step.result)) {
      const input = step.result;
      if (input.action?.a === 'cat') return step.replaceDialog(this.id, { path: input.action.v });
      if (input.action?.a === 'cats') return step.replaceDialog(this.id, {});
      return step.endDialog({ search: input.text } satisfies BrowseOutcome);
    }
    const outcome = step.result as BrowseOutcome;
    if ('browse' in outcome) return step.replaceDialog(this.id, { path: outcome.browse });
    return step.endDialog(outcome);
  }
}
