import { isWebChatJoin, parsePageContext } from '../../src/bot/webchat-join';

describe('the page context of webchat/join', () => {
  it.each([
    [{ language: 'de-de', currency: 'EUR', productId: '30', pageUrl: 'http://localhost:3978/index.php?route=product/product&product_id=30' },
      { language: 'de-de', currency: 'EUR', productId: 30, pageUrl: 'http://localhost:3978/index.php?route=product/product&product_id=30' }],
    [{ language: 'de-de', currency: 'euro', productId: '-1', pageUrl: 'javascript:alert(1)' }, { language: 'de-de' }],
    [{ language: 'x'.repeat(50), productId: 'abc', pageUrl: `http://shop/${'a'.repeat(3000)}` }, {}],
    ['not an object', {}],
    [null, {}],
  ])('keeps only the well-formed fields (case %#)', (value, expected) => {
    expect(parsePageContext(value)).toEqual(expected);
  });

  it('recognises only the join event', () => {
    expect(isWebChatJoin({ type: 'event', name: 'webchat/join' })).toBe(true);
    expect(isWebChatJoin({ type: 'message', name: 'webchat/join' })).toBe(false);
    expect(isWebChatJoin({ type: 'event', name: 'other' })).toBe(false);
  });
});
