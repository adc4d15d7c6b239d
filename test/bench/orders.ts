import type { RenderedTurn } from '../../src/server/local-channel';

/**
 * Whole orders as the customer plays them: typed text, buttons pressed by label, and "Choose" pressed on the
 * result card of a named product (skipped when the search found that one product and the bot went straight on). Every line is a product without required options except the Canon (Red).
 */
export type Step =
  | { kind: 'start' }
  | { kind: 'say'; text: string }
  | { kind: 'click'; label: RegExp }
  | { kind: 'choose'; product: string }
  /** The form card's submit button, its inputs filled (choices named by title) over the form's defaults. */
  | { kind: 'submit'; fields: Record<string, string>; choices?: Record<string, RegExp> };

/**
 * How the customer gives the contact and address: `typed`, one field a message (as the bench always did, and as
 * on a channel without forms); `forms`, the one-card forms Web Chat shows, each filled in and sent in one turn.
 */
export type OrderWay = 'typed' | 'forms';

interface Line {
  search: string;
  product: string;
  option?: RegExp;
  quantity: number;
}

const CANON: Line = { search: 'canon eos', product: 'Canon EOS 5D', option: /^red$/i, quantity: 2 };
const MORE_LINES: Line[] = [
  { search: 'nikon', product: 'Nikon D300', quantity: 1 },
  { search: 'iphone', product: 'iPhone', quantity: 1 },
  { search: 'htc', product: 'HTC Touch HD', quantity: 1 },
  { search: 'syncmaster', product: 'Samsung SyncMaster 941BW', quantity: 1 },
  { search: 'ipod shuffle', product: 'iPod Shuffle', quantity: 3 },
  { search: 'imac', product: 'iMac', quantity: 1 },
  { search: 'sony vaio', product: 'Sony VAIO', quantity: 1 },
  { search: 'hp lp3065', product: 'HP LP3065', quantity: 2 },
  { search: 'ipod classic', product: 'iPod Classic', quantity: 1 },
];

const say = (text: string): Step => ({ kind: 'say', text });
const click = (label: RegExp): Step => ({ kind: 'click', label });

function lineSteps(line: Line): Step[] {
  return [
    say(line.search),
    { kind: 'choose', product: line.product },
    ...(line.option ? [click(line.option)] : []),
    say(String(line.quantity)),
  ];
}

/** Up to the cart: greeting, search, choose, options, quantity of each line. */
export function cartSteps(lines: number): Step[] {
  const chosen = [CANON, ...MORE_LINES].slice(0, Math.max(1, Math.min(lines, 1 + MORE_LINES.length)));
  return [{ kind: 'start' }, ...chosen.flatMap(lineSteps)];
}

/** Checkout of tests/e2e's Canon-to-Berlin order: contact, address, methods, place (same address and no code are the summary's defaults). */
export const CHECKOUT_STEPS: Step[] = [
  click(/checkout/i),
  say('Jane'),
  say('Doe'),
  say('jane@example.com'),
  say('+49 30 1234567'),
  say('Germany'),
  say('Berlin'),
  say('Berlin'),
  say('Hauptstr. 1'),
  say('10115'),
  click(/flat shipping/i),
  click(/cash on delivery/i),
  click(/place order/i),
];

/** The same checkout as a Web Chat customer fills it in: the contact form, the address form, methods, place. */
export const FORM_CHECKOUT_STEPS: Step[] = [
  click(/checkout/i),
  { kind: 'submit', fields: { firstname: 'Jane', lastname: 'Doe', email: 'jane@example.com', telephone: '+49 30 1234567' } },
  {
    kind: 'submit',
    fields: { zone: 'Berlin', city: 'Berlin', address1: 'Hauptstr. 1', postcode: '10115' },
    choices: { country: /^germany$/i },
  },
  click(/flat shipping/i),
  click(/cash on delivery/i),
  click(/place order/i),
];

export function wholeOrder(lines: number, way: OrderWay = 'typed'): Step[] {
  return [...cartSteps(lines), ...(way === 'forms' ? FORM_CHECKOUT_STEPS : CHECKOUT_STEPS)];
}

/** Left open mid-order: the cart filled, checkout begun, the name given. */
export function midOrder(): Step[] {
  return [...cartSteps(1), ...CHECKOUT_STEPS.slice(0, 3)];
}

export const PLACED = /order number is \d+/i;

/** The number of the "Choose" button that follows the product's name on the result card. */
export function chooseButton(turn: RenderedTurn, product: string): number | undefined {
  const at = turn.lines.findIndex((line) => line.replace(/^│\s*/, '') === product);
  if (at < 0) return undefined;
  for (const line of turn.lines.slice(at + 1)) {
    const match = /\[(\d+)\] Choose$/.exec(line);
    if (match) return Number(match[1]);
  }
  return undefined;
}
