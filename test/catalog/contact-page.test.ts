import { ManualClock } from '../../src/clock';
import { StorefrontTransportError, type PagePreferences, type StorefrontFetcher } from '../../src/catalog/fetcher';
import { parseContactPage } from '../../src/catalog/parse/contact';
import { StorefrontCatalog } from '../../src/catalog/storefront-catalog';
import { demoCatalog } from '../../src/demo-store/seed';
import { handleStorefront } from '../../src/demo-store/storefront';
import { capture } from './capture-server';

const BASE = 'http://127.0.0.1:8030/';

function demoContactPage(settings = demoCatalog.settings): string {
  const url = new URL('index.php?route=information/contact', BASE);
  const response = handleStorefront(
    { method: 'GET', route: 'information/contact', path: url.pathname, query: url.searchParams, body: new URLSearchParams(), headers: {} },
    { ...demoCatalog, settings },
    BASE,
  );
  if (!response || response.status !== 200) throw new Error('no contact page');
  return response.body;
}

const RECORDED = {
  storeName: 'Your Store',
  address: ['Address 1'],
  telephone: '123456789',
  fax: null,
  email: null,
  openingTimes: ['Monday - Friday: 09:00 - 18:00', 'Saturday: 10:00 - 16:00', 'Sunday: closed'],
  comment: [],
  pageUrl: 'http://127.0.0.1:8030/index.php?route=information/contact',
};

describe('information/contact', () => {
  it('reads the recorded 3.0.5.1 page: store, address, telephone, opening times, the form; no e-mail (OpenCart shows none)', () => {
    expect(parseContactPage(capture('contact.html'))).toEqual(RECORDED);
  });

  it('the demo store serves the same page shape', () => {
    expect(parseContactPage(demoContactPage())).toEqual(RECORDED);
  });

  it('reads fax, a comment and a several-line address where the store sets them; columns by place, not by label', () => {
    const page = demoContactPage({ ...demoCatalog.settings, address: 'Hauptstr. 1\r\n10115 Berlin', fax: '987', comment: 'Closed on holidays' });
    expect(parseContactPage(page)).toMatchObject({
      address: ['Hauptstr. 1', '10115 Berlin'], telephone: '123456789', fax: '987', openingTimes: RECORDED.openingTimes, comment: ['Closed on holidays'],
    });
    const german = page.replace('<strong>Telephone</strong>', '<strong>Telefon</strong>').replace('Opening Times', 'Öffnungszeiten');
    expect(parseContactPage(german)).toMatchObject({ telephone: '123456789', openingTimes: RECORDED.openingTimes });
  });

  it('is null for a page that is not the contact page (a product page, an error page)', () => {
    expect(parseContactPage(capture('product-30.html'))).toBeNull();
    expect(parseContactPage('<html><body>Fatal error</body></html>')).toBeNull();
  });

  it('keeps long store texts bounded', () => {
    const page = demoContactPage({ ...demoCatalog.settings, open: `${'x'.repeat(5000)}\n${'line\n'.repeat(500)}` });
    const contact = parseContactPage(page);
    expect(contact?.openingTimes.length).toBeLessThanOrEqual(10);
    expect(Math.max(...(contact?.openingTimes ?? []).map((line) => line.length))).toBeLessThanOrEqual(200);
  });
});

describe('StorefrontCatalog.contact', () => {
  class CountingFetcher implements StorefrontFetcher {
    calls: { params: Record<string, string>; prefs?: PagePreferences }[] = [];
    answer: () => string | null = () => capture('contact.html');
    async get(params: Record<string, string>, prefs?: PagePreferences): Promise<string | null> {
      this.calls.push({ params, prefs });
      if (params.route === 'common/home') return '<html></html>';
      return this.answer();
    }
    contactCalls(): number {
      return this.calls.filter((call) => call.params.route === 'information/contact').length;
    }
  }

  it('fetches the page once per TTL through the catalog fetcher and keeps the parsed result', async () => {
    const fetcher = new CountingFetcher();
    const clock = new ManualClock();
    const catalog = new StorefrontCatalog(fetcher, 60_000, clock);
    expect(await catalog.contact()).toEqual(RECORDED);
    expect(await catalog.contact()).toEqual(RECORDED);
    expect(fetcher.contactCalls()).toBe(1);
    clock.advance(60_001);
    await catalog.contact();
    expect(fetcher.contactCalls()).toBe(2);
  });

  it('a 404 is no contact page (null); an error page or a cut-off answer is the shop not answering, not cached', async () => {
    const fetcher = new CountingFetcher();
    const catalog = new StorefrontCatalog(fetcher, 60_000, new ManualClock());
    fetcher.answer = () => '<html><body>502 Bad Gateway</body></html>';
    await expect(catalog.contact()).rejects.toBeInstanceOf(StorefrontTransportError);
    fetcher.answer = () => capture('contact.html').slice(0, 9000);
    await expect(catalog.contact()).rejects.toBeInstanceOf(StorefrontTransportError);
    fetcher.answer = () => capture('contact.html');
    expect(await catalog.contact()).toEqual(RECORDED);
    const missing = new CountingFetcher();
    missing.answer = () => null;
    expect(await new StorefrontCatalog(missing, 60_000, new ManualClock()).contact()).toBeNull();
  });
});
