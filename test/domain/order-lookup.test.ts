import { findPlacedOrder } from '../../src/domain/checkout/lookup';
import type { OpenCartApi, OrderInfo, Outcome } from '../../src/opencart/api';
import { orderReferenceAgent } from '../../src/opencart/transport';

/** A store's orders as order/info answers them: ids that exist (holes where orders were deleted), one ours. */
function store(ids: number[], ours?: { id: number; reference: string; email: string }) {
  const asked: number[] = [];
  const api: Pick<OpenCartApi, 'orderInfo'> = {
    orderInfo: async (orderId): Promise<Outcome<OrderInfo>> => {
      asked.push(orderId);
      if (!ids.includes(orderId)) return { ok: false, code: 'NOT_FOUND', message: 'Warning: Order could not be found!' };
      const mine = ours?.id === orderId;
      return {
        ok: true,
        value: {
          orderId, firstname: '', lastname: '', email: mine ? ours.email : 'someone@example.com', telephone: '', paymentMethod: '',
          paymentCode: '', shippingMethod: '', shippingCode: '', paymentCountryId: 0, paymentZoneId: 0, shippingCountryId: 0,
          shippingZoneId: 0, total: '0', orderStatusId: 1, currencyCode: 'USD',
          raw: { user_agent: mine ? orderReferenceAgent(ours.reference) : 'Mozilla/5.0' },
        },
      };
    },
  };
  return { api, asked };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const lookup = { reference: 'p-1', email: 'Rita@Example.com', lookFrom: null };

describe('finding a placement by looking (order/info only)', () => {
  it('finds it among 5,000 orders with holes, knowing no id, in a bounded number of calls', async () => {
    const ids = range(1, 5000).filter((id) => id % 97 !== 0 && id !== 4998);
    const { api, asked } = store(ids, { id: 4995, reference: 'p-1', email: 'rita@example.com' });
    expect(await findPlacedOrder(api, lookup)).toEqual({ orderId: 4995, newest: 5000 });
    expect(asked.length).toBeLessThanOrEqual(100);
    expect(new Set(asked).size).toBe(asked.length); // each id asked once
  });

  it('starts from the highest id known before sending: a handful of calls', async () => {
    const { api, asked } = store(range(1, 1203), { id: 1201, reference: 'p-1', email: 'rita@example.com' });
    expect(await findPlacedOrder(api, { ...lookup, lookFrom: 1200 })).toEqual({ orderId: 1201, newest: 1203 });
    expect(asked.length).toBeLessThanOrEqual(10);
  });

  it('answers null when no order carries the reference, or only a stranger\'s e-mail does', async () => {
    expect((await findPlacedOrder(store(range(1, 40)).api, lookup)).orderId).toBeNull();
    const stranger = store(range(1, 40), { id: 40, reference: 'p-1', email: 'other@example.com' });
    expect((await findPlacedOrder(stranger.api, lookup)).orderId).toBeNull();
  });

  it('throws when the store cannot be asked, so the caller keeps the placement unsettled', async () => {
    const api: Pick<OpenCartApi, 'orderInfo'> = { orderInfo: () => Promise.reject(new Error('connection reset')) };
    await expect(findPlacedOrder(api, lookup)).rejects.toThrow('connection reset');
  });
});
