import type { ProductOption } from '../catalog/types';
import type { CardButton, CardModel, Translate } from './model';

/** Marks a ticked value of a multi-select on its button. */
export const TICKED_MARK = '✓';

function valueTitle(value: ProductOption['values'][number]): string {
  return value.priceDelta ? `${value.name} (${value.priceDelta})` : value.name;
}

/** One choice option (select/radio/image): a button per value, plus "skip" when it is optional. */
export function optionCard(productName: string, option: ProductOption, t: Translate): CardModel {
  const buttons: CardButton[] = option.values.map((value) => ({
    title: valueTitle(value),
    action: { a: 'opt' as const, v: String(value.productOptionValueId) },
  }));
  if (!option.required) buttons.push({ title: t('cards.skip'), action: { a: 'skip' } });
  return {
    title: t(option.required ? 'options.chooseRequired' : 'options.chooseOptional', { option: option.name }),
    text: productName,
    buttons,
  };
}

/**
 * A checkbox option (several values): each button ticks or unticks its value, "done" finishes. The card shows
 * what is ticked so far; an optional one can be finished with nothing ticked.
 */
export function checkboxCard(productName: string, option: ProductOption, ticked: readonly string[], t: Translate): CardModel {
  const buttons: CardButton[] = option.values.map((value) => {
    const id = String(value.productOptionValueId);
    return { title: ticked.includes(id) ? `${TICKED_MARK} ${valueTitle(value)}` : valueTitle(value), action: { a: 'opt' as const, v: id } };
  });
  buttons.push({ title: t('options.done'), action: { a: 'done' } });
  const names = option.values.filter((v) => ticked.includes(String(v.productOptionValueId))).map((v) => v.name);
  const chosen = names.length ? t('options.ticked', { values: names.join(', ') }) : t('options.nothingTicked');
  return {
    title: t(option.required ? 'options.chooseSeveral' : 'options.chooseSeveralOptional', { option: option.name }),
    text: `${productName}\n${chosen}`,
    buttons,
  };
}
