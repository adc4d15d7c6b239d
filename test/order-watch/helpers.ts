import type { DemoStoreHandle } from '../../src/demo-store';
import type { OpenCartApi } from '../../src/opencart';

/** A guest order of one iPhone to Berlin, placed through the API as the bot would; its id. */
export async function placeApiOrder(session: OpenCartApi, store: DemoStoreHandle): Promise<number> {
  store.hooks.setStock(40, 1000);
  await session.cartAdd({ productId: 40, quantity: 1 });
  await session.customer({ firstname: 'Jane', lastname: 'Doe', email: 'jane@example.com', telephone: '+49 30 1234567' });
  const address = { firstname: 'Jane', lastname: 'Doe', address_1: 'Hauptstr. 1', city: 'Berlin', postcode: '10115', country_id: 81, zone_id: 1256 };
  await session.paymentAddress(address);
  await session.shippingAddress(address);
  await session.shippingMethods();
  await session.shippingMethod('flat.flat');
  await session.paymentMethods();
  await session.paymentMethod('cod');
  const placed = await session.orderAdd();
  if (!placed.ok) throw new Error(placed.message);
  return placed.value.orderId;
}
