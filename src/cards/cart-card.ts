import type { DraftLine, GiftVoucher } from '../domain/draft';
import type { CartLine, CartView } from '../opencart/api';
import type { CardItem, CardModel, Translate } from './model';
import { printPrice, readPrice, type ShownPrice } from './money';

/** Finds OpenCart's line for each draft line (same product and option values), for its price and total. */
export function matchCartLines(lines: DraftLine[], cart: CartView): Map<string, CartLine> {
  const unused = [...cart.lines];
  const matched = new Map<string, CartLine>();
  for (const line of lines) {
    const wanted = Object.values(line.options).flat().map(String).sort().join(',');
    const sameOptions = (c: CartLine) =>
      c.options.map((o) => String(o.productOptionValueId ?? o.value)).sort().join(',') === wanted;
    const index = unused.findIndex((c) => c.productId === line.productId && sameOptions(c));
    const fallback = unused.findIndex((c) => c.productId === line.productId);
    const at = index >= 0 ? index : fallback;
    if (at >= 0) matched.set(line.lineId, unused.splice(at, 1)[0]);
  }
  return matched;
}

/** Longest product name in a button's title ("Remove: <name>"); Telegram cuts long buttons anyway. */
const MAX_NAME_IN_BUTTON = 40;

/** The line as a button names it: product and options, so two lines of one product stay apart. */
function lineLabel(name: string, options: string): string {
  const label = options ? `${name} (${options})` : name;
  return label.length > MAX_NAME_IN_BUTTON ? `${label.slice(0, MAX_NAME_IN_BUTTON - 1).trimEnd()}…` : label;
}

function lineItem(line: DraftLine, price: ShownPrice | null, t: Translate): CardItem {
  const options = line.optionLabels.map((o) => `${o.name}: ${o.value}`).join(', ');
  const name = lineLabel(line.name, options);
  const facts = [{ label: t('cart.quantity'), value: String(line.quantity) }];
  if (line.price) facts.push({ label: t('cart.price'), value: line.price });
  if (price) facts.push({ label: t('cart.lineTotal'), value: printPrice(price, line.quantity) });
  return {
    title: line.name,
    subtitle: options || undefined,
    image: line.thumb,
    facts,
    buttons: [
      { title: t('cart.changeQuantity'), fullTitle: t('cart.changeQuantityOf', { name }), action: { a: 'qty', v: line.lineId } },
      { title: t('cart.remove'), fullTitle: t('cart.removeLine', { name }), action: { a: 'rm', v: line.lineId } },
    ],
  };
}

/** A gift voucher bought with the order: its recipient and price as OpenCart printed it, removed like a line. */
function voucherItem(voucher: GiftVoucher, t: Translate): CardItem {
  const title = t('voucher.lineTitle', { name: voucher.toName });
  return {
    title,
    subtitle: voucher.toEmail,
    facts: voucher.price ? [{ label: t('cart.price'), value: voucher.price }] : [],
    buttons: [{ title: t('cart.remove'), fullTitle: t('cart.removeLine', { name: lineLabel(title, '') }), action: { a: 'rm', v: voucher.voucherId } }],
  };
}

/**
 * The cart: lines with options, quantity and the storefront's prices as the draft has them (OpenCart's own totals are
 * read once, for the summary before confirming), per-line change/remove, gift vouchers bought, then next steps.
 */
export function cartCard(lines: DraftLine[], t: Translate, vouchers: GiftVoucher[] = []): CardModel {
  if (lines.length === 0 && vouchers.length === 0) {
    return { title: t('cart.title'), text: t('cart.empty'), buttons: [{ title: t('cart.addSomething'), action: { a: 'add' } }] };
  }
  const prices = lines.map((line) => (line.price ? readPrice(line.price) : null));
  const voucherPrices = vouchers.map((voucher) => (voucher.price ? readPrice(voucher.price) : null));
  const quantities = [...lines.map((l) => l.quantity), ...vouchers.map(() => 1)];
  return {
    title: t('cart.title'),
    text: t('cart.itemCount', { count: quantities.reduce((n, q) => n + q, 0) }),
    items: [
      ...lines.map((l, i) => lineItem(l, prices[i], t)),
      ...vouchers.map((voucher) => voucherItem(voucher, t)),
      ...subtotalItems(quantities, [...prices, ...voucherPrices], t),
    ],
    buttons: [
      { title: t('cart.addSomething'), action: { a: 'add' } },
      { title: t('cart.checkout'), action: { a: 'checkout' } },
    ],
  };
}

/** The lines' sum, when every line's price is known and printed alike (one currency). */
function subtotalItems(quantities: number[], prices: (ShownPrice | null)[], t: Translate): CardItem[] {
  const [first] = prices;
  if (!first || prices.some((p) => !p || JSON.stringify(p.format) !== JSON.stringify(first.format))) return [];
  const minor = prices.reduce((sum, p, i) => sum + (p?.minor ?? 0) * (quantities[i] ?? 1), 0);
  return [{ title: t('cart.totals'), facts: [{ label: t('cart.subtotal'), value: printPrice({ minor, format: first.format }) }] }];
}
