import { createRequire } from 'node:module';
import {
  addressText,
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_VERSION,
  cartCard,
  categoriesCard,
  CHANGEABLE_SLOTS,
  checkboxCard,
  choiceCard,
  decodeAction,
  encodeAction,
  escapeMarkdown,
  MAX_CALLBACK_BYTES,
  optionCard,
  paymentMethodsCard,
  prependText,
  productResultsCard,
  renderCard,
  shippingMethodsCard,
  summaryCard,
  type CardModel,
} from '../../src/cards';
import { emptyDraft, loadDraft } from '../../src/domain/draft';
import { createTranslator } from '../../src/i18n';
import { PRODUCTS } from '../dialogs/fakes';

const requireCjs = createRequire(__filename);
// `import 'adaptivecards'` fails on Node 20; the dist bundle parses and validates without a DOM.
const AC = requireCjs('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context?: unknown): void; validateProperties(): { validationEvents: unknown[] }; version: { toString(): string } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): unknown };
};

const translator = createTranslator();
const t = (key: string, vars?: Record<string, unknown>) => translator.t('ru', key, vars);
const en = (key: string, vars?: Record<string, unknown>) => translator.t('en', key, vars);

const draft = emptyDraft();
draft.lines = [
  { lineId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', productId: 30, name: 'Canon EOS 5D', quantity: 2, minimum: 1, options: { '226': '15' }, optionLabels: [{ name: 'Select', value: 'Red' }], thumb: null },
];
draft.contact = { firstname: 'Jane', lastname: 'Doe', email: 'jane@example.com', telephone: '+49 30 901820' };
draft.paymentAddress = { firstname: 'Jane', lastname: 'Doe', company: '', address1: 'Unter den Linden 1', address2: '', city: 'Berlin', postcode: '10117', countryId: 81, countryName: 'Germany', zoneId: 1256, zoneName: 'Berlin' };
draft.shippingMethod = { code: 'flat.flat', title: 'Flat Shipping Rate', text: '$5.00' };
draft.paymentMethod = { code: 'cod', title: 'Cash On Delivery', text: '' };
const cart = {
  lines: [{ cartId: '9', productId: 30, name: 'Canon EOS 5D', model: '', quantity: 2, inStock: true, shipping: true, reward: 0, price: '$98.00', total: '$196.00', options: [{ productOptionId: 226, productOptionValueId: 15, name: 'Select', value: 'Red', type: 'select' }] }],
  vouchers: [],
  totals: [{ title: 'Total', text: '$201.00' }],
  minimumWarnings: [],
};

const CARDS: [string, CardModel][] = [
  ['product results', productResultsCard({ title: 'Found', products: PRODUCTS.slice(0, 5), hasMore: true }, t)],
  ['categories', categoriesCard({ title: 'Categories', categories: [{ path: '20_27', name: 'Mac' }] }, t)],
  ['many categories', categoriesCard({ title: 'Categories', categories: Array.from({ length: 13 }, (_, i) => ({ path: `${i + 20}_${i}`, name: `Category ${i}` })) }, t)],
  ['option', optionCard('Canon EOS 5D', PRODUCTS[0].options[0], t)],
  ['checkbox option', checkboxCard('Photo mug', PRODUCTS.find((p) => p.productId === 53)!.options[1], ['62'], t)],
  ['choice', choiceCard({ text: '?', choices: [{ title: 'Yes', action: { a: 'yes' } }] })],
  ['cart', cartCard(draft.lines, t)],
  ['empty cart', cartCard([], t)],
  ['shipping methods', shippingMethodsCard([{ code: 'flat', title: 'Flat', sortOrder: 1, error: null, quotes: [{ code: 'flat.flat', title: 'Flat', cost: 5, text: '$5.00' }] }], t)],
  ['payment methods', paymentMethodsCard([{ code: 'cod', title: 'Cash On Delivery', terms: '', sortOrder: 1 }], t)],
  ['summary', summaryCard({ draft, cart, needsShipping: true, totals: cart.totals }, t, { locale: 'ru' })],
];

describe.each(CARDS)('the %s card', (_name, model) => {
  it.each(['webchat', 'msteams', 'emulator'])('is a valid Adaptive Card 1.5 on %s', (channelId) => {
    const message = renderCard(channelId, model);
    expect(message.attachments).toHaveLength(1);
    const { contentType, content } = message.attachments[0];
    expect(contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
    expect((content as { version: string }).version).toBe(ADAPTIVE_CARD_VERSION);
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse(content, context);
    expect(card.version.toString()).toBe('1.5');
    expect(context.eventCount).toBe(0);
    expect(card.validateProperties().validationEvents).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThan(80_000);
    // Teams shows at most 6 actions per card and per action set
    const counts: number[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      const el = node as { actions?: unknown[] };
      if (Array.isArray(el.actions)) counts.push(el.actions.length);
      Object.values(el).forEach(walk);
    };
    walk(content);
    expect(Math.max(0, ...counts)).toBeLessThanOrEqual(6);
  });

  it('is hero cards with short callback data on telegram, never an Adaptive Card; one message unless a gallery', () => {
    const message = renderCard('telegram', model);
    for (const attachment of message.attachments) {
      expect(attachment.contentType).toBe('application/vnd.microsoft.card.hero');
      for (const button of (attachment.content as { buttons: { value: string }[] }).buttons) {
        expect(Buffer.byteLength(button.value)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
        expect(decodeAction({ text: button.value }).kind).toBe('action');
      }
      expect(((attachment.content as { text?: string }).text ?? '').length).toBeLessThanOrEqual(4096);
    }
    expect((message.text ?? '').length).toBeLessThanOrEqual(4096);
    const buttonCount = (model.items ?? []).reduce((n, i) => n + (i.buttons?.length ?? 0), model.buttons?.length ?? 0);
    if (model.gallery) expect(message.attachments.length).toBe((model.items?.length ?? 0) + (model.buttons?.length ? 1 : 0));
    else expect(message.attachments).toHaveLength(buttonCount ? 1 : 0);
  });
});

type Hero = { title?: string; text?: string; images?: { url: string; alt: string }[]; buttons: { title: string; value: string }[] };
const heroOf = (message: ReturnType<typeof renderCard>, index = 0) => message.attachments[index].content as Hero;

describe('cards on telegram', () => {
  it('sends the summary as one message: every section with its value, the totals, labelled change buttons and "place order"', () => {
    const message = renderCard('telegram', summaryCard({ draft, cart, needsShipping: true, totals: cart.totals }, t, { locale: 'ru', orderKey: '7' }));
    expect(message.text).toBeUndefined();
    expect(message.attachments).toHaveLength(1);
    const card = heroOf(message);
    for (const expected of [
      '**Ваш заказ**',
      '**Товары**\n2 × Canon EOS 5D (Select: Red): $196.00',
      '**Контакты**\nJane Doe, jane@example.com, +49 30 901820',
      'Jane Doe, Unter den Linden 1, 10117 Berlin, Berlin, Germany',
      'Flat Shipping Rate — $5.00',
      'Cash On Delivery',
      'Total: $201.00',
    ]) {
      expect(card.text).toContain(expected);
    }
    expect(card.buttons.map((b) => b.title)).toEqual([
      'Изменить: Товары',
      'Изменить: Контакты',
      'Изменить: Платёжный адрес',
      'Доставить по другому адресу',
      'Изменить: Доставка',
      'Изменить: Оплата',
      'Добавить купон или подарочный сертификат',
      'Оформить заказ',
    ]);
    expect(card.buttons.map((b) => b.value)).toEqual([...CHANGEABLE_SLOTS.map((slot) => `oc:chg:${slot}`), 'oc:place:7']);
  });

  it('sends the cart as one message whose per-line buttons name their line', () => {
    const blue = { ...draft.lines[0], lineId: 'b2c3d4e5-f6a7-8901-bcde-f12345678901', options: { '226': '16' }, optionLabels: [{ name: 'Select', value: 'Blue' }], quantity: 1 };
    const long = { ...draft.lines[0], lineId: 'c3d4e5f6-a7b8-9012-cdef-123456789012', productId: 47, name: 'HP LP3065 with a very long product name that does not fit a button', options: {}, optionLabels: [] };
    const message = renderCard('telegram', cartCard([draft.lines[0], blue, long], en));
    expect(message.attachments).toHaveLength(1);
    const card = heroOf(message);
    expect(card.text).toContain('**Canon EOS 5D**\nSelect: Red\nQuantity: 2');
    expect(card.buttons.map((b) => b.title)).toEqual([
      'Change quantity: Canon EOS 5D (Select: Red)',
      'Remove: Canon EOS 5D (Select: Red)',
      'Change quantity: Canon EOS 5D (Select: Blue)',
      'Remove: Canon EOS 5D (Select: Blue)',
      'Change quantity: HP LP3065 with a very long product name…',
      'Remove: HP LP3065 with a very long product name…',
      'Add something else',
      'Checkout',
    ]);
    expect(card.buttons.slice(0, 4).map((b) => decodeAction({ text: b.value }))).toEqual([
      { kind: 'action', action: { a: 'qty', v: draft.lines[0].lineId } },
      { kind: 'action', action: { a: 'rm', v: draft.lines[0].lineId } },
      { kind: 'action', action: { a: 'qty', v: blue.lineId } },
      { kind: 'action', action: { a: 'rm', v: blue.lineId } },
    ]);
    // Under their own line (Adaptive Cards) the buttons keep their short titles.
    expect(JSON.stringify(renderCard('webchat', cartCard([draft.lines[0]], en)))).toContain('"title":"Change quantity","data"');
  });

  it('keeps products found as one photo card each, with the card buttons after them', () => {
    const message = renderCard('telegram', productResultsCard({ title: 'Found', products: PRODUCTS.slice(0, 3), hasMore: true }, en));
    expect(message.text).toBe('**Found**');
    expect(message.attachments).toHaveLength(4);
    expect(heroOf(message, 0)).toMatchObject({ title: 'Canon EOS 5D', images: [{ url: 'http://shop.test/image/30.jpg' }], buttons: [{ title: 'Choose', value: 'oc:pick:30' }] });
    expect(heroOf(message, 3)).toEqual({ buttons: [expect.objectContaining({ title: 'More results' }), expect.objectContaining({ title: 'Browse categories' })] });
  });

  it('cuts a text over 4096 characters at a whole line', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...draft.lines[0], lineId: `line-${i}`, name: `Product with a rather long name number ${i}` }));
    const card = heroOf(renderCard('telegram', cartCard(many, en)));
    expect(card.text!.length).toBeLessThanOrEqual(4096);
    expect(card.text!.endsWith('\n…')).toBe(true);
    expect(card.buttons).toHaveLength(242);
  });

  it('puts a leading line inside the one card, and before the text of a gallery; the rendered message is left as it was', () => {
    const one = renderCard('telegram', choiceCard({ text: 'Which?', choices: [{ title: 'Yes', action: { a: 'yes' } }] }));
    const led = prependText(one, 'Please choose.');
    expect(led.text).toBeUndefined();
    expect(heroOf(led).text).toBe('Please choose.\n\nWhich?');
    expect(heroOf(one).text).toBe('Which?');
    const gallery = prependText(renderCard('telegram', productResultsCard({ title: 'Found', products: PRODUCTS.slice(0, 2), hasMore: false }, en)), 'Pick one.');
    expect(gallery.text).toBe('Pick one.\n\n**Found**');
    const adaptive = prependText(renderCard('webchat', choiceCard({ text: 'Which?', choices: [{ title: 'Yes', action: { a: 'yes' } }] })), 'Please choose.');
    expect(adaptive.text).toBe('Please choose.');
  });
});

describe('card actions', () => {
  it.each([
    ['an Adaptive Card submit', { value: { oc: { a: 'pick', v: '30' } } }, { kind: 'action', action: { a: 'pick', v: '30' } }],
    ['a Telegram callback', { text: 'oc:ship:flat.flat' }, { kind: 'action', action: { a: 'ship', v: 'flat.flat' } }],
    ['a value with a colon', { text: 'oc:pay:a:b' }, { kind: 'action', action: { a: 'pay', v: 'a:b' } }],
    ['plain text', { text: 'macbook' }, { kind: 'none' }],
    ['a forged action name', { value: { oc: { a: 'drop_tables' } } }, { kind: 'invalid' }],
    ['a foreign submit', { value: { action: 'x' } }, { kind: 'invalid' }],
    ['a forged Telegram callback', { text: 'oc:nope:1' }, { kind: 'invalid' }],
    ['an oversized value', { value: { oc: { a: 'pick', v: 'x'.repeat(500) } } }, { kind: 'invalid' }],
  ])('reads %s', (_name, activity, expected) => {
    expect(decodeAction(activity)).toEqual(expected);
  });

  it('refuses to build callback data over 64 bytes', () => {
    expect(() => encodeAction({ a: 'pick', v: 'я'.repeat(40) })).toThrow(RangeError);
  });
});

describe('store texts in markdown', () => {
  it.each([
    ['webchat', 'Mug \\*1\\* \\_a\\_ \\[b\\] \\`c\\` 30" \\<d\\>', 'Mug *1* _a_ [b] `c` 30" <d>'],
    ['msteams', 'Mug \\*1\\* \\_a\\_ \\[b\\] \\`c\\` 30" \\<d\\>', 'Mug *1* _a_ [b] `c` 30" <d>'],
    ['telegram', 'Mug \\*1\\* \\_a\\_ \\[b] \\`c\\` 30" <d>', 'Mug *1* _a_ [b] `c` 30" <d>'],
  ])('are escaped for %s', (channelId, expected, raw) => {
    expect(escapeMarkdown(channelId, raw)).toBe(expected);
  });

  const model: CardModel = {
    title: 'Apple_Cinema *30*',
    text: 'a_b',
    facts: [{ label: 'x_y', value: '$1*' }],
    items: [{ title: 'Red_1', subtitle: 'sub*', text: 't_t', image: 'http://shop.test/a_b.jpg', buttons: [{ title: 'Red_1 *', action: { a: 'opt', v: '1' } }] }],
  };

  it('escapes card texts on telegram, keeps the bold titles and plain button titles', () => {
    const message = renderCard('telegram', model);
    expect(message.textFormat).toBe('markdown');
    const card = message.attachments[0].content as Hero;
    expect(card.text).toBe('**Apple\\_Cinema \\*30\\***\na\\_b\nx\\_y: $1\\*\n\n**Red\\_1**\nsub\\*\nt\\_t');
    expect(card.buttons[0].title).toBe('Red_1 *');
  });

  it('escapes the photo cards of a gallery on telegram, not image urls or alt texts', () => {
    const message = renderCard('telegram', { ...model, gallery: true });
    expect(message.text).toBe('**Apple\\_Cinema \\*30\\***\na\\_b\nx\\_y: $1\\*');
    const item = message.attachments[0].content as { title: string; subtitle: string; text: string; images: { url: string; alt: string }[]; buttons: { title: string }[] };
    expect(item).toMatchObject({ title: 'Red\\_1', subtitle: 'sub\\*', text: 't\\_t' });
    expect(item.images[0]).toEqual({ url: 'http://shop.test/a_b.jpg', alt: 'Red_1' });
    expect(item.buttons[0].title).toBe('Red_1 *');
  });

  it.each(['webchat', 'msteams'])('escapes TextBlocks and facts on %s, not button titles or image urls', (channelId) => {
    const json = JSON.stringify(renderCard(channelId, model).attachments[0].content);
    for (const escaped of ['Apple\\\\_Cinema \\\\*30\\\\*', 'a\\\\_b', 'x\\\\_y', '$1\\\\*', 'Red\\\\_1', 'sub\\\\*', 't\\\\_t']) expect(json).toContain(escaped);
    expect(json).toContain('"title":"Red_1 *"');
    expect(json).toContain('"url":"http://shop.test/a_b.jpg"');
  });
});

describe('country names in addresses', () => {
  const berlin = draft.paymentAddress!;

  it.each([
    ['de', 'Deutschland'],
    ['ru', 'Германия'],
    ['en', 'Germany'],
  ])('are in the customer language (%s) from the ISO code; regions stay as the store has them', (locale, country) => {
    expect(addressText({ ...berlin, countryIso2: 'DE' }, locale)).toBe(`Jane Doe, Unter den Linden 1, 10117 Berlin, Berlin, ${country}`);
  });

  it("fall back to the store's name for addresses saved before the ISO code was kept, or without one", () => {
    const stored = JSON.parse(JSON.stringify({ ...emptyDraft(), paymentAddress: { ...berlin, countryName: 'Russian Federation' } })) as unknown;
    const old = loadDraft(stored).paymentAddress!;
    expect(old.countryIso2).toBeUndefined();
    expect(addressText(old, 'de')).toMatch(/, Russian Federation$/);
    expect(addressText({ ...berlin, countryIso2: '' }, 'ru')).toMatch(/, Germany$/);
  });

  it('are shown in the summary card in the customer language', () => {
    const withIso = { ...draft, paymentAddress: { ...berlin, countryIso2: 'DE' } };
    const de = (key: string, vars?: Record<string, unknown>) => translator.t('de', key, vars);
    const json = JSON.stringify(renderCard('webchat', summaryCard({ draft: withIso, cart, needsShipping: true, totals: cart.totals }, de, { locale: 'de' })));
    expect(json).toContain('10117 Berlin, Berlin, Deutschland');
    expect(json).not.toContain('Germany');
  });
});
