import type { ProductOption } from '../catalog/types';
import type { CardButton, CardModel, Translate } from './model';

/** One choice option (select/radio/checkbox/image): a button per value, plus "skip" when it is optional. */
export function optionCard(productName: string, option: ProductOption, t: Translate): CardModel {
  const buttons: CardButton[] = option.values.map((value) => ({
    title: value.priceDelta ? `${value.name} (${value.priceDelta})` : value.name,
    action: { a: 'opt' as const, v: String(value.productOptionValueId) },
  }));
  if (!option.required) buttons.push({ title: t('cards.skip'), action: { a: 'skip' } });
  return {
    title: t(option.required ? 'options.chooseRequired' : 'options.chooseOptional', { option: option.name }),
    text: productName,
    buttons,
  };
}
