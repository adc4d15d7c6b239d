import { z } from 'zod';

export const loginSuccess = z.looseObject({
  success: z.string(),
  api_token: z.string().min(1),
});

/** Right key from an IP that is not allowed: both texts come back. */
export const loginError = z.looseObject({
  error: z.looseObject({ ip: z.string().optional(), key: z.string().optional() }),
});
