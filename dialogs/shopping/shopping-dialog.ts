import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ProductDetails } from '../../src/catalog/types';
import { unitPrice } from '../../src/cards/money';
import { applyLocaleCurrency, catalogOptions } from '../currency';
import { ProductOptionsDialog } from './product-options-dialog';
import { nextSearch, ProductSearchDialog } from './product-search-dialog';
import { QuantityDialog } from './quantity-dialog';
import { DIALOG } from '../ids';
import { problemKey } from '../prompts/problems';
import type { ChosenOptions } from './product-options-dialog';
import type { ProductPick, ProductSearchOptions } from './product-search-dialog';
import { showTyping, stepValues, translate, type DialogDeps } from '../turn';

interface ShoppingValues {
  pick: ProductPick;
  product: ProductDetails;
  chosen: ChosenOptions;
}

/**
 * One product into the cart: find it, ask its options and quantity, add it; then the next one the customer's
 * message asked for, if any. Ends with { added }.
 */
export class ShoppingDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.shopping);
    this.addDialog(new ProductSearchDialog(deps)).addDialog(new ProductOptionsDialog(deps)).addDialog(new QuantityDialog(deps));
    this.addDialog(
      new WaterfallDialog('shoppingSteps', [this.find.bind(this), this.options.bind(this), this.quantity.bind(this), this.add.bind(this)]),
    );
    this.initialDialogId = 'shoppingSteps';
  }

  private async find(step: WaterfallStepContext<ProductSearchOptions>) {
    return step.beginDialog(DIALOG.productSearch, step.options);
  }

  private async options(step: WaterfallStepContext<ProductSearchOptions>) {
    const pick = step.result as ProductPick;
    const t = translate(step.context, this.deps.translator);
    await showTyping(step.context);
    const product = await this.deps.catalog.product(pick.productId, await catalogOptions(step.context, this.deps));
    const unorderable = !product
      ? 'shopping.productGone'
      : !this.deps.uploader && product.options.some((o) => o.type === 'file' && o.required)
        ? 'shopping.fileOptionOnWebsite'
        : !product.inStock
          ? 'shopping.outOfStock'
          : null;
    if (!product || unorderable) {
      await step.context.sendActivity(t(unorderable ?? 'shopping.productGone', { name: product?.name ?? '' }));
      return step.replaceDialog(this.id, nextSearch(pick.queued));
    }
    Object.assign(step.values, { pick, product } satisfies Partial<ShoppingValues>);
    const preset = this.deps.catalog.matchOptionWords(product, pick.optionWords);
    return step.beginDialog(DIALOG.productOptions, { product, preset, index: 0, selection: {}, labels: [] });
  }

  private async quantity(step: WaterfallStepContext) {
    const values = stepValues<ShoppingValues>(step);
    values.chosen = step.result as ChosenOptions;
    const { pick, product } = values as ShoppingValues;
    const minimum = Math.max(1, product.minimum);
    if (pick.quantity && pick.quantity >= minimum) return step.next(pick.quantity);
    if (pick.quantity) {
      await step.context.sendActivity(translate(step.context, this.deps.translator)('quantity.belowMinimum', { name: product.name, minimum }));
    }
    return step.beginDialog(DIALOG.quantity, { productName: product.name, minimum });
  }

  private async add(step: WaterfallStepContext) {
    const { product, chosen } = stepValues<ShoppingValues>(step) as ShoppingValues;
    const quantity = step.result as number;
    const t = translate(step.context, this.deps.translator);
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    await applyLocaleCurrency(step.context, this.deps, state);
    const added = await this.deps.checkout.addLine(state, {
      productId: product.productId,
      name: product.name,
      quantity,
      minimum: Math.max(1, product.minimum),
      options: chosen.selection,
      optionLabels: chosen.labels,
      thumb: product.thumb,
      price: unitPrice(product, chosen.selection) ?? undefined,
    });
    if (!added.ok) {
      await step.context.sendActivity(t(problemKey(added.problem), { name: product.name, minimum: product.minimum }));
      return step.endDialog({ added: false });
    }
    await step.context.sendActivity(t('shopping.added', { count: quantity, name: product.name }));
    // "… and an iphone": the next product the message asked for, before the cart is shown.
    const queued = stepValues<ShoppingValues>(step).pick?.queued;
    if (queued?.length) return step.replaceDialog(this.id, nextSearch(queued));
    return step.endDialog({ added: true });
  }
}
