import { request } from 'node:http';
import type { DemoStoreHandle } from '../../src/demo-store/handle';

export interface Answer {
  status: number;
  body: string;
  json: unknown;
}

/** A bare API caller for the demo store tests: POST form, token in the query, optional source address. */
export function call(store: DemoStoreHandle, route: string, form: Record<string, string> = {}, token?: string, localAddress?: string): Promise<Answer> {
  const url = `${store.url}index.php?route=${encodeURIComponent(route)}${token ? `&api_token=${token}` : ''}`;
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST', agent: false, localAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try { json = JSON.parse(text.slice(Math.max(0, text.search(/[[{]/)))); } catch { json = undefined; }
        resolve({ status: res.statusCode ?? 0, body: text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function login(store: DemoStoreHandle): Promise<string> {
  const answer = await call(store, 'api/login', { username: store.username, key: store.apiKey });
  return (answer.json as { api_token: string }).api_token;
}

export const US_ADDRESS = {
  firstname: 'John', lastname: 'Doe', company: '', address_1: '1 Main Street', address_2: '', city: 'Los Angeles',
  postcode: '90001', country_id: '223', zone_id: '3624',
};

export const UK_ADDRESS = {
  firstname: 'Jane', lastname: 'Smith', company: 'Acme Ltd', address_1: '10 Downing Street', address_2: '', city: 'London',
  postcode: 'SW1A 2AA', country_id: '222', zone_id: '3553',
};

export const CUSTOMER = { firstname: 'John', lastname: 'Doe', email: 'john.doe@example.com', telephone: '+1 555 0100' };

export function totalsOf(answer: Answer): Record<string, string> {
  const totals = (answer.json as { totals: { title: string; text: string }[] }).totals;
  return Object.fromEntries(totals.map((t) => [t.title, t.text]));
}
