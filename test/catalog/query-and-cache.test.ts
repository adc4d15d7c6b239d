import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../src/clock';
import { createStorefrontFetcher, StorefrontHttpError, StorefrontTransportError } from '../../src/catalog/fetcher';
import { storeLanguageFor } from '../../src/catalog/language';
import { interpretProductText } from '../../src/catalog/query/interpret';
import { osaDistance } from '../../src/catalog/query/osa';
import { ProductVocabulary } from '../../src/catalog/query/typo';
import { TtlCache } from '../../src/catalog/ttl-cache';

describe('interpretProductText', () => {
  it.each([
    ['2 red canon cameras', 2, ['canon', 'cameras'], ['red']],
    ['I need two iPhones please', 2, ['iphones'], []],
    ['ich möchte zwei große blaue MacBook', 2, ['macbook'], ['grosse', 'blaue']],
    ['мне нужно три красных Canon', 3, ['canon'], ['красных']],
    ['iPhone x3', 3, ['iphone'], []],
    ['5шт iPod Nano', 5, ['ipod', 'nano'], []],
    ['a MacBook Air', null, ['macbook', 'air'], []],
    ['', null, [], []],
    ['!!! ??? <script>', null, ['script'], []],
  ])('%s', (text, quantity, productWords, optionWords) => {
    expect(interpretProductText(text)).toEqual({ quantity, productWords, optionWords });
  });

  it('never takes an email or a web address for product words', () => {
    expect(interpretProductText('jane@example.com')).toEqual({ quantity: null, productWords: [], optionWords: [] });
    expect(interpretProductText('2 iphone, jane@example.com').productWords).toEqual(['iphone']);
    expect(interpretProductText('https://shop.example/index.php?route=product/product').productWords).toEqual([]);
    expect(interpretProductText('www.example.com macbook').productWords).toEqual(['macbook']);
  });

  it.each(['+49 30 123456', '(030) 123-4567', '+7 (495) 123-45-67', '030/1234567'])('never searches the phone number %s', (text) => {
    expect(interpretProductText(text)).toEqual({ quantity: null, productWords: [], optionWords: [] });
  });

  it.each([
    ['2 Apple Cinema 30', ['apple', 'cinema', '30']],
    ['1234567', ['1234567']],
  ])('still searches %s, which is no phone number', (text, productWords) => {
    expect(interpretProductText(text).productWords).toEqual(productWords);
  });

  it('takes only the first number as the quantity and ignores absurd ones', () => {
    expect(interpretProductText('2 Apple Cinema 30').quantity).toBe(2);
    expect(interpretProductText('99999999 iphone').quantity).toBeNull();
  });
});

describe('ProductVocabulary', () => {
  const vocabulary = new ProductVocabulary(['Canon EOS 5D', 'iPhone', 'Samsung Galaxy Tab 10.1', 'MacBook Air']);
  it('keeps known words and parts of words, corrects small typos, refuses guesses', () => {
    expect(vocabulary.correct('mac')).toBe('mac');
    expect(vocabulary.correct('cannon')).toBe('canon');
    expect(vocabulary.correct('samsnug')).toBe('samsung');
    expect(vocabulary.correct('ipohne')).toBe('iphone');
    expect(vocabulary.correct('macbok')).toBe('macbook');
    expect(vocabulary.correct('cnaon')).toBe('canon');
    expect(vocabulary.correct('xyz')).toBeNull();
    expect(vocabulary.correct('completelydifferent')).toBeNull();
  });

  it('tells the products listed in the categories a word names, in any of its forms', () => {
    const listed = new ProductVocabulary(['Canon EOS 5D', 'iPhone'], [
      { name: 'Cameras', productIds: [30, 31] },
      { name: 'Phones & PDAs', productIds: [40] },
      { name: 'Kameras', productIds: [30] },
      { name: 'Камеры', productIds: [31] },
    ]);
    expect([...(listed.categoryProducts('cameras') ?? [])]).toEqual([30, 31]);
    expect([...(listed.categoryProducts('camera') ?? [])]).toEqual([30, 31]);
    expect([...(listed.categoryProducts('Phones') ?? [])]).toEqual([40]);
    expect([...(listed.categoryProducts('PDA') ?? [])]).toEqual([40]);
    expect([...(listed.categoryProducts('kamera') ?? [])]).toEqual([30]);
    expect([...(listed.categoryProducts('камеры') ?? [])]).toEqual([31]);
    // One slip in a word of five letters or more: a typo, or the German word for an English shop's category.
    const english = new ProductVocabulary([], [{ name: 'Cameras', productIds: [30] }, { name: 'MP3 Players', productIds: [7] }]);
    expect([...(english.categoryProducts('Kameras') ?? [])]).toEqual([30]);
    expect([...(english.categoryProducts('camreas') ?? [])]).toEqual([30]);
    expect(english.categoryProducts('mp4')).toBeNull();
    // German and Russian words for a default OpenCart category, in any of their forms.
    expect([...(english.categoryProducts('камеры') ?? [])]).toEqual([30]);
    expect([...(english.categoryProducts('фотоаппаратов') ?? [])]).toEqual([30]);
    expect([...(english.categoryProducts('Fotoapparate') ?? [])]).toEqual([30]);
    expect([...(english.categoryProducts('плеер') ?? [])]).toEqual([7]);
    // Parts of a name, other words and words too short to tell are not categories.
    expect(listed.categoryProducts('cam')).toBeNull();
    expect(listed.categoryProducts('ph')).toBeNull();
    expect(listed.categoryProducts('laptops')).toBeNull();
    expect(vocabulary.categoryProducts('cameras')).toBeNull();
  });
});

describe('osaDistance (optimal string alignment)', () => {
  it.each([
    ['iphone', 'iphone', 0],
    ['ipohne', 'iphone', 1], // two neighbouring letters swapped: one edit, Levenshtein counts two
    ['macbok', 'macbook', 1],
    ['cannon', 'canon', 1],
    ['samsnug', 'samsung', 1],
    ['ca', 'abc', 3], // OSA does not edit a transposed pair again (true Damerau-Levenshtein would say 2)
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['калинград', 'калининград', 2],
    ['калиннигрaд', 'калининград', 2],
  ])('%s -> %s = %d', (a, b, expected) => {
    expect(osaDistance(a, b)).toBe(expected);
    expect(osaDistance(b, a)).toBe(expected);
  });
});

describe('storeLanguageFor', () => {
  const languages = [{ code: 'en-gb', name: 'English' }, { code: 'de-de', name: 'Deutsch' }, { code: 'de-ch', name: 'Schweizerdeutsch' }];
  it('picks the store code for the customer language, none for a single-language store', () => {
    expect(storeLanguageFor('de', languages)).toBe('de-de');
    expect(storeLanguageFor('de-CH', languages)).toBe('de-ch');
    expect(storeLanguageFor('en-US', languages)).toBe('en-gb');
    expect(storeLanguageFor('ru', languages)).toBeUndefined();
    expect(storeLanguageFor('de', [languages[1]])).toBeUndefined();
  });
});

describe('TtlCache', () => {
  it('shares one load between concurrent callers and does not keep failures', async () => {
    const clock = new ManualClock();
    const cache = new TtlCache<number>(clock, 1_000);
    let loads = 0;
    let release: (value: number) => void = () => undefined;
    const load = () => {
      loads += 1;
      return new Promise<number>((resolve) => { release = resolve; });
    };
    const waiting = [cache.get('k', load), cache.get('k', load), cache.get('k', load)];
    release(7);
    await expect(Promise.all(waiting)).resolves.toEqual([7, 7, 7]);
    expect(loads).toBe(1);
    await expect(cache.get('bad', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(cache.get('bad', async () => 3)).resolves.toBe(3);
    clock.advance(1_001);
    await expect(cache.get('k', async () => 8)).resolves.toBe(8);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = new TtlCache<number>(new ManualClock(), 1_000, 2);
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => 1);
    expect(cache.size).toBe(2);
    let reloaded = false;
    await cache.get('a', async () => { reloaded = true; return 2; });
    expect(reloaded).toBe(true);
  });
});

describe('storefront fetcher', () => {
  let server: http.Server;
  let url: string;
  let seenCookie: string | undefined;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seenCookie = req.headers.cookie;
      const route = new URL(req.url ?? '/', 'http://x').searchParams.get('route');
      if (route === 'slow') return; // never answers: the timeout must end the wait
      const status = route === 'missing' ? 404 : route === 'broken' ? 500 : 200;
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end(`<p>${route}</p>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));

  it('returns the body, null for 404, and throws typed errors for other statuses and timeouts', async () => {
    const fetcher = createStorefrontFetcher({ baseUrl: url, timeoutMs: 200 });
    await expect(fetcher.get({ route: 'ok' }, { language: 'de-de' })).resolves.toBe('<p>ok</p>');
    expect(seenCookie).toBe('language=de-de');
    await fetcher.get({ route: 'ok' }, { language: 'de-de', currency: 'EUR' });
    expect(seenCookie).toBe('language=de-de; currency=EUR');
    await fetcher.get({ route: 'ok' }, { currency: 'GBP' });
    expect(seenCookie).toBe('currency=GBP');
    await expect(fetcher.get({ route: 'missing' })).resolves.toBeNull();
    expect(seenCookie).toBeUndefined();
    await expect(fetcher.get({ route: 'broken' })).rejects.toBeInstanceOf(StorefrontHttpError);
    await expect(fetcher.get({ route: 'slow' })).rejects.toBeInstanceOf(StorefrontTransportError);
  });
});
