/**
 * Recognises after-sales requests ("where is my order 24?", "Bestellung stornieren", "статус заказа") in English,
 * German and Russian, whichever language the turn is in, so they are answered instead of searched as products.
 * Pure and framework-free: the text is cut at MAX_INTENT_TEXT, split into words once, and every check is a set
 * lookup per word, so the work is linear in the (bounded) text.
 */

export type AftersalesKind = 'status' | 'cancel';

export interface AftersalesIntent {
  kind: AftersalesKind;
  /** The order number named, or null ("status of my order"). */
  orderId: number | null;
}

/** Longer texts are not after-sales requests (a search text is limited to 200 characters too). */
export const MAX_INTENT_TEXT = 200;
/** OpenCart's order_id is an int(11): at most 10 digits, and below 2^31. */
const MAX_ORDER_ID = 2 ** 31 - 1;

/** Words that always mean an order (nouns), in every language. */
const ORDER_NOUNS = new Set([
  'bestellung', 'bestellungen', 'bestellnummer', 'auftrag', 'auftrags', 'auftragsnummer',
  'заказ', 'заказа', 'заказу', 'заказом', 'заказе', 'заказы', 'заказов', 'заказам', 'заказами', 'заказах', 'заказик',
  'ordernumber', 'orderid',
]);
/** English "order" is also a verb ("order 2 cameras"): it counts as the noun only next to these words or a number. */
const ENGLISH_ORDER = new Set(['order', 'orders']);
const NOUN_BEFORE = new Set(['my', 'the', 'our', 'this', 'that', 'an', 'your', 'of', 'mine', 'last', 'recent', 'latest', 'previous']);
const NOUN_AFTER = new Set(['number', 'no', 'nr', 'id', 'status', 'state', 'num']);
/** Before "order" these make it the verb even when a number follows ("I want to order 2 cameras", "can I order 3"). */
const VERB_BEFORE = new Set(['i', 'to', 'can', 'will', 'would', 'could', 'want', 'wanna', 'please', 'let', 'lets', 'we', 'and', 'also', 'just', 'll', 'd']);

/** Words that name the whole request on their own ("Bestellstatus", "abbestellen"). */
const STATUS_COMPOUNDS = new Set(['bestellstatus', 'auftragsstatus', 'lieferstatus', 'sendungsverfolgung', 'orderstatus']);
const CANCEL_COMPOUNDS = new Set(['abbestellen', 'stornierungsanfrage']);

const STATUS_WORDS = new Set([
  'where', 'status', 'state', 'track', 'tracking', 'happened', 'arrive', 'arrived', 'arriving', 'shipped', 'delivered', 'when',
  'wo', 'stand', 'verfolgen', 'sendung', 'bleibt', 'angekommen', 'geliefert', 'versandt', 'verschickt', 'unterwegs', 'wann',
  'где', 'статус', 'статуса', 'статусе', 'состояние', 'отследить', 'отслеживание', 'пришел', 'придет', 'доставлен', 'отправлен', 'когда',
]);
const CANCEL_WORDS = new Set([
  'cancel', 'cancellation', 'cancelation', 'withdraw', 'revoke',
  'stornieren', 'storniere', 'stornierung', 'storno', 'stornoanfrage', 'widerrufen', 'zurückziehen', 'abbrechen',
  'отменить', 'отмените', 'отменит', 'отмена', 'отмену', 'отменяю', 'аннулировать', 'отказаться',
]);
/** Words that may stand around "order 24" without making it something else ("my order no. 24", "мой заказ №24"). */
const FILLERS = new Set([
  'my', 'the', 'number', 'no', 'nr', 'num', 'id', 'please', 'is', 'it', 'hi', 'hello',
  'meine', 'mein', 'die', 'der', 'nummer', 'bitte', 'ist', 'hallo',
  'мой', 'моего', 'моём', 'моем', 'номер', 'пожалуйста', 'привет',
]);

/** One word of the text; `number` is set for an order number ("24", "#24", "№24"). */
interface Word {
  word: string;
  number: number | null;
}

function words(text: string): Word[] {
  const folded = text.slice(0, MAX_INTENT_TEXT).toLowerCase().replace(/ё/g, 'е');
  const out: Word[] = [];
  for (const raw of folded.split(/[^\p{L}\p{N}#№]+/u)) {
    if (!raw) continue;
    const digits = /^[#№]?(\d{1,10})$/u.exec(raw);
    const value = digits ? Number(digits[1]) : NaN;
    out.push({ word: raw.replace(/^[#№]+/u, ''), number: value >= 1 && value <= MAX_ORDER_ID ? value : null });
  }
  return out;
}

function isOrderNoun(list: Word[], i: number): boolean {
  const word = list[i].word;
  if (ORDER_NOUNS.has(word)) return true;
  if (!ENGLISH_ORDER.has(word)) return false;
  const before = list[i - 1]?.word ?? '';
  const after = list[i + 1];
  if (NOUN_BEFORE.has(before) || CANCEL_WORDS.has(before) || STATUS_WORDS.has(before) || NOUN_AFTER.has(after?.word ?? '')) return true;
  return after?.number != null && !VERB_BEFORE.has(before);
}

/** The after-sales request in `text`, or null when it is none (then it is searched, answered as a command, ...). */
export function recognizeAftersales(text: string | undefined): AftersalesIntent | null {
  if (!text || text.length > MAX_INTENT_TEXT * 2) return null;
  const list = words(text);
  let orderNoun = false;
  let status = false;
  let cancel = false;
  let orderId: number | null = null;
  let others = 0;
  for (let i = 0; i < list.length; i++) {
    const { word, number } = list[i];
    if (number !== null) {
      orderId ??= number;
      continue;
    }
    const noun = isOrderNoun(list, i);
    orderNoun ||= noun;
    if (STATUS_COMPOUNDS.has(word)) status = orderNoun = true;
    else if (CANCEL_COMPOUNDS.has(word)) cancel = orderNoun = true;
    else if (CANCEL_WORDS.has(word)) cancel = true;
    else if (STATUS_WORDS.has(word)) status = true;
    else if (!noun && !FILLERS.has(word)) others++;
  }
  if (!orderNoun) return null;
  if (cancel) return { kind: 'cancel', orderId };
  // "order 24", "Bestellung 24", "мой заказ №24": an order number with nothing else around it.
  if (status || (orderId !== null && others === 0)) return { kind: 'status', orderId };
  return null;
}
