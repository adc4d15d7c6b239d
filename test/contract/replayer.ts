import type { DemoStoreHandle } from '../../src/demo-store/handle';
import { demoCatalog } from '../../src/demo-store/seed';
import { compareJson, splitWarnings, type KeyRule } from './compare-json';
import { send, type RawAnswer, type RawRequest } from './http-client';
import type { RecordedRequest, RecordedResponse, Scenario } from './recording';
import { isExchange } from './recording';

const HEX26 = /^[0-9a-f]{26}$/;
const disabledUserKey = demoCatalog.apiUsers.find((u) => u.username === 'Disabled')?.key ?? '';

/** Reference cart ids grow by one per new line, like the demo store's (which start at 1 in a fresh store). */
function cartIdBase(scenario: Scenario): number {
  const fromAnswers: number[] = [];
  const fromKeys: number[] = [];
  for (const step of scenario.steps.filter(isExchange)) {
    const json = step.response.json as { products?: { cart_id?: string }[] } | undefined;
    for (const p of json?.products ?? []) if (p.cart_id) fromAnswers.push(Number(p.cart_id));
    if (/^api\/cart\/(edit|remove)$/.test(step.request.route)) {
      const key = step.request.form?.find(([k]) => k === 'key')?.[1];
      if (key && /^\d+$/.test(key) && Number(key) > 1000 && Number(key) < 1_000_000) fromKeys.push(Number(key));
    }
  }
  const all = fromAnswers.length ? [...fromAnswers, ...fromKeys.filter((k) => Math.abs(k - Math.min(...fromAnswers)) < 100)] : fromKeys;
  return all.length ? Math.min(...all) - 1 : 0;
}

/** Replays one scenario's exchanges against a demo store, mapping tokens, cookies, cart and order ids. */
export class Replayer {
  private readonly values = new Map<string, string>();
  private readonly orderIds = new Map<number, number>();
  private readonly voucherCodes = new Map<string, string>();
  /** Recorded cart_id -> the demo store's, learned from cart/products answers. */
  private readonly cartIds = new Map<string, string>();
  private readonly cartBase: number;

  constructor(private readonly store: DemoStoreHandle, scenario: Scenario) {
    this.cartBase = cartIdBase(scenario);
    this.values.set('<api_key>', store.apiKey);
    this.values.set('<api_key_of_disabled_user>', disabledUserKey);
  }

  /** The demo store's value for a placeholder seen so far (e.g. "<api_token_2>"). */
  value(placeholder: string): string {
    const v = this.values.get(placeholder);
    if (v === undefined) throw new Error(`placeholder ${placeholder} not seen yet`);
    return v;
  }

  private substitute(text: string): string {
    return text.replace(/<[a-z_0-9]+>/g, (p) => this.values.get(p) ?? p);
  }

  private mapKey(key: string): string {
    const mapped = this.voucherCodes.get(key) ?? this.cartIds.get(key);
    if (mapped) return mapped;
    const n = Number(key);
    if (/^\d+$/.test(key) && this.cartBase > 0 && n > this.cartBase && n < this.cartBase + 10_000) return String(n - this.cartBase);
    return key;
  }

  private buildRequest(r: RecordedRequest): RawRequest {
    const url = new URL(this.substitute(r.path), this.store.url);
    const orderId = url.searchParams.get('order_id');
    if (orderId && this.orderIds.has(Number(orderId))) url.searchParams.set('order_id', String(this.orderIds.get(Number(orderId))));
    const cookie = r.cookies ? Object.entries(r.cookies).map(([k, v]) => `${k}=${this.substitute(v)}`).join('; ') : undefined;
    const base: RawRequest = { method: r.method, url: url.toString(), cookie, localAddress: r.source_ip };
    if (r.raw_body !== undefined) {
      // One character per byte, sent as those bytes (binary content and UTF-8 names as recorded).
      const contentType = r.content_type ?? 'multipart/form-data; boundary=----ocrefboundary';
      return { ...base, body: Buffer.from(r.raw_body, 'latin1'), contentType };
    }
    if (!r.form) return base;
    const isKeyRoute = /^api\/cart\/(edit|remove)$/.test(r.route);
    const pairs = r.form.map(([k, v]): [string, string] => [k, isKeyRoute && k === 'key' ? this.mapKey(v) : this.substitute(v)]);
    return { ...base, body: new URLSearchParams(pairs).toString(), contentType: 'application/x-www-form-urlencoded' };
  }

  private rules(): Record<string, KeyRule> {
    return {
      api_token: (e, a) => {
        if (typeof a !== 'string' || !HEX26.test(a)) return `not a 26-hex token: ${String(a)}`;
        if (typeof e === 'string') this.values.set(e, a);
        return null;
      },
      cart_id: (e, a) => {
        if (typeof a !== 'string' || typeof e !== 'string') return `type ${typeof a} instead of ${typeof e}`;
        const known = this.cartIds.get(e);
        if (known !== undefined) return a === known ? null : `${a} instead of ${known} (seen before for ${e})`;
        if ([...this.cartIds.values()].includes(a)) return `${a} already stands for another recorded line`;
        this.cartIds.set(e, a);
        return null;
      },
      order_id: (e, a) => {
        if (typeof e !== typeof a) return `type ${typeof a} instead of ${typeof e}`;
        const mapped = this.orderIds.get(Number(e));
        if (mapped === undefined) {
          this.orderIds.set(Number(e), Number(a));
          return null;
        }
        return Number(a) === mapped ? null : `${String(a)} instead of mapped ${mapped}`;
      },
      code: (e, a) => {
        if (typeof e === 'number' || (typeof e === 'string' && /^[0-9a-f]{40}$/.test(e))) {
          if (typeof a !== typeof e) return `type ${typeof a} instead of ${typeof e}`;
          this.voucherCodes.set(String(e), String(a));
          return null;
        }
        return e === a ? null : `${JSON.stringify(a)} instead of ${JSON.stringify(e)}`;
      },
      store_url: (_e, a) => (a === this.store.url ? null : `${String(a)} instead of the store URL`),
      date_added: 'type-only',
      date_modified: 'type-only',
      user_agent: 'type-only',
      accept_language: 'type-only',
    };
  }

  private learnCookies(recorded: RecordedResponse, answer: RawAnswer): string[] {
    const session = (cookies: unknown): string | undefined =>
      ([] as string[]).concat((cookies as string[] | undefined) ?? []).find((c) => c.startsWith('OCSESSID='))?.split(';')[0]?.slice(9);
    const expected = session(recorded.headers['set-cookie']);
    const actual = session(answer.headers['set-cookie']);
    if ((expected === undefined) !== (actual === undefined)) return [`OCSESSID cookie ${actual ? 'set' : 'missing'} (recorded: ${expected ? 'set' : 'not set'})`];
    if (expected && actual && /^<[a-z_0-9]+>$/.test(expected) && !this.values.has(expected)) this.values.set(expected, actual);
    return [];
  }

  /** Sends one recorded request; resolves to the differences from the recorded answer (empty = same). */
  async exchange(r: RecordedRequest, recorded: RecordedResponse): Promise<string[]> {
    const answer = await send(this.buildRequest(r));
    return this.compare(recorded, answer);
  }

  compare(recorded: RecordedResponse, answer: RawAnswer): string[] {
    const problems: string[] = [];
    if (answer.status !== recorded.status) problems.push(`status ${answer.status} instead of ${recorded.status}`);
    const mediaType = (v: unknown): string => String(v ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType(answer.headers['content-type']) !== mediaType(recorded.headers['content-type'])) {
      problems.push(`content-type ${String(answer.headers['content-type'])} instead of ${String(recorded.headers['content-type'])}`);
    }
    problems.push(...this.learnCookies(recorded, answer));
    if (recorded.status === 404) {
      if (!answer.body.includes('The page you requested cannot be found!')) problems.push('404 page without its title');
      return problems;
    }
    const recordedBody = recorded.raw ?? recorded.text ?? '';
    const exp = splitWarnings(recordedBody);
    const act = splitWarnings(answer.body);
    if (exp.json === undefined) {
      if (answer.body !== recordedBody) problems.push(`body ${JSON.stringify(answer.body.slice(0, 200))} instead of ${JSON.stringify(recordedBody)}`);
      return problems;
    }
    if (act.prefix !== exp.prefix) problems.push(`text before the JSON ${JSON.stringify(act.prefix)} instead of ${JSON.stringify(exp.prefix)}`);
    if (act.json === undefined) return [...problems, `no JSON in ${JSON.stringify(answer.body.slice(0, 200))}`];
    return [...problems, ...compareJson(exp.json, act.json, this.rules())];
  }
}
