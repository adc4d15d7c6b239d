import { cartProducts, hasShipping } from '../cart';
import { phpInt, type JsonOut } from '../php';
import type { SessionAddress } from '../state';
import { EMPTY, hasApiAccess, permissionObject, postString, type ApiContext } from './context';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const len = (s: string): number => [...s].length;
const between = (s: string, min: number, max: number): boolean => len(s) >= min && len(s) <= max;

/** api/customer: deletes the stored customer first, so a failed call leaves none. */
export function customerRoute(ctx: ApiContext): JsonOut {
  delete ctx.session.customer;
  if (!hasApiAccess(ctx)) return permissionObject();
  const field = (k: string): string => postString(ctx, k) ?? '';
  const error = new Map<string, JsonOut>();
  const customerId = phpInt(ctx.post.get('customer_id'));
  if (customerId) {
    const found = ctx.state.catalog.customers.find((c) => c.customerId === customerId && c.status);
    if (found) ctx.session.customer_id = found.customerId;
    else error.set('warning', 'You must select a customer!');
  }
  if (!between(field('firstname'), 1, 32)) error.set('firstname', 'First Name must be between 1 and 32 characters!');
  if (!between(field('lastname'), 1, 32)) error.set('lastname', 'Last Name must be between 1 and 32 characters!');
  if (len(field('email')) > 96 || !EMAIL.test(field('email'))) error.set('email', 'E-Mail Address does not appear to be valid!');
  if (!between(field('telephone'), 3, 32)) error.set('telephone', 'Telephone must be between 3 and 32 characters!');
  if (error.size > 0) return { error };
  const requestedGroup = phpInt(ctx.post.get('customer_group_id'));
  const displayed = ctx.state.catalog.customerGroups.some((g) => g.displayed && g.customerGroupId === requestedGroup);
  ctx.session.customer = {
    customer_id: customerId, customer_group_id: displayed ? requestedGroup : ctx.customerGroupId,
    firstname: field('firstname'), lastname: field('lastname'), email: field('email'), telephone: field('telephone'),
  };
  return { success: 'You have successfully modified customers' };
}

/** Validates an address form; cityMax is 32 for payment, 128 for shipping (both texts say 3-128). */
function readAddress(ctx: ApiContext, cityMax: number): { error: Map<string, JsonOut>; address: SessionAddress } {
  const field = (k: string): string => postString(ctx, k) ?? '';
  const error = new Map<string, JsonOut>();
  if (!between(field('firstname'), 1, 32)) error.set('firstname', 'First Name must be between 1 and 32 characters!');
  if (!between(field('lastname'), 1, 32)) error.set('lastname', 'Last Name must be between 1 and 32 characters!');
  if (!between(field('address_1'), 3, 128)) error.set('address_1', 'Address 1 must be between 3 and 128 characters!');
  if (!between(field('city'), 2, cityMax)) error.set('city', 'City must be between 3 and 128 characters!');
  const country = ctx.state.catalog.countries.find((c) => c.countryId === phpInt(field('country_id')));
  const postcode = field('postcode').trim();
  if (country?.postcodeRequired && !between(postcode, 2, 10)) {
    error.set('postcode', 'Postcode must be between 2 and 10 characters for this country!');
  }
  if (field('country_id') === '') error.set('country', 'Please select a country!');
  if (field('zone_id') === '') error.set('zone', 'Please select a region / state!');
  const zone = country?.zones.find((z) => z.zoneId === phpInt(field('zone_id')));
  const address: SessionAddress = {
    firstname: field('firstname'), lastname: field('lastname'), company: field('company'), address_1: field('address_1'),
    address_2: field('address_2'), postcode: field('postcode'), city: field('city'), country_id: field('country_id'),
    zone_id: field('zone_id'), country: country?.name ?? '', iso_code_2: country?.isoCode2 ?? '', iso_code_3: country?.isoCode3 ?? '',
    address_format: country?.addressFormat ?? '', zone: zone?.name ?? '', zone_code: zone?.code ?? '',
  };
  return { error, address };
}

export function paymentAddressRoute(ctx: ApiContext): JsonOut {
  delete ctx.session.payment_address;
  delete ctx.session.payment_methods;
  delete ctx.session.payment_method;
  if (!hasApiAccess(ctx)) return permissionObject();
  const { error, address } = readAddress(ctx, 32);
  if (error.size > 0) return { error };
  ctx.session.payment_address = address;
  return { success: 'Success: Payment address has been set!' };
}

/** Does nothing at all (`[]`) unless something in the cart needs shipping, not even the permission check. */
export function shippingAddressRoute(ctx: ApiContext): JsonOut {
  if (!hasShipping(cartProducts(ctx))) return EMPTY;
  if (!hasApiAccess(ctx)) return permissionObject();
  delete ctx.session.shipping_address;
  delete ctx.session.shipping_methods;
  delete ctx.session.shipping_method;
  const { error, address } = readAddress(ctx, 128);
  if (error.size > 0) return { error };
  ctx.session.shipping_address = address;
  return { success: 'Success: Shipping address has been set!' };
}
