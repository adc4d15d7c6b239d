import type { RunInSession } from '../checkout';
import type { CheckoutService } from '../checkout-port';
import { done, refuse } from './mapping';
import type { Projection } from './projection';

type RewardOperations = Pick<CheckoutService, 'rewardOffer' | 'useReward'>;

/**
 * Sends the draft's points to the session (api/reward): OpenCart checks them against the customer's balance and the
 * cart's maximum, and cart/edit and cart/remove drop them, so a rebuilt or changed cart gets them again. Refused
 * (the cart's maximum fell below them): the draft uses none.
 */
export async function sendReward(projection: Projection, points: number): Promise<boolean> {
  const applied = await projection.api.reward(points);
  projection.sync.cart = null;
  projection.sync.reward = applied.ok ? points : null;
  return applied.ok;
}

/**
 * Reward points of a registered customer (the session logged in with their customer_id): what they have and may use on
 * this cart (reward/available, reward/maximum), and using them (reward). A guest's session has no balance: no offer.
 */
export function createRewardOperations(run: RunInSession): RewardOperations {
  return {
    rewardOffer: (state) =>
      run(state, async (projection) => {
        if (state.draft.customerId === null || !state.draft.contact) return done(null);
        const content = await projection.cartContent(); // logged in as the customer, the lines in their cart
        if (!content.ok) return refuse(content);
        const available = await projection.api.rewardAvailable();
        if (!available.ok) return refuse(available);
        const points = available.value.points ?? 0;
        if (points <= 0) return done(null);
        const maximum = await projection.api.rewardMaximum();
        if (!maximum.ok) return refuse(maximum);
        const usable = Math.min(points, maximum.value.maximum);
        return done(usable > 0 ? { available: points, usable } : null);
      }),

    useReward: (state, points) =>
      run(state, async (projection) => {
        const content = await projection.cartContent();
        if (!content.ok) return refuse(content);
        if (!(await sendReward(projection, points))) return refuse({ code: 'INVALID_CODE' });
        state.draft.reward = points;
        return done();
      }),
  };
}
