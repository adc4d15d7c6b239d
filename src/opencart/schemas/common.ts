import { z } from 'zod';
import { decodeText } from '../body';

/** OpenCart sends most numbers as strings ("40"), some as numbers; both become numbers. */
export const numeric = z
  .union([z.number(), z.string().regex(/^-?\d+(?:\.\d+)?$/)])
  .transform((v) => Number(v));

/** Numbers that may be "" (no value), e.g. product_option_value_id of a text option. */
export const optionalNumeric = z
  .union([z.number(), z.string().regex(/^-?\d*(?:\.\d+)?$/), z.null()])
  .transform((v) => (v === null || v === '' ? null : Number(v)));

/** A flag sent as "1"/"0", 1/0 or true/false. */
export const flag = z.union([z.boolean(), z.number(), z.string()]).transform((v) => v === true || v === 1 || v === '1');

/** Text with HTML entities decoded. */
export const text = z.string().transform(decodeText);

/** PHP turns an empty associative array into `[]`: accept both, always give a record. */
export function phpMap<T extends z.ZodType>(value: T) {
  return z.union([z.record(z.string(), value), z.array(z.never()).length(0)]).transform((v) =>
    Array.isArray(v) ? ({} as Record<string, z.output<T>>) : (v as Record<string, z.output<T>>),
  );
}

/** Any answer that carries `error`, as a string (most routes) or an object (cart/add, customer, addresses...). */
export const errorAnswer = z.looseObject({
  error: z.union([z.string(), z.record(z.string(), z.unknown())]),
});

/** `{"success": "..."}` of the write routes. */
export const successAnswer = z.looseObject({ success: z.string() });

/** `[]`: OpenCart did nothing (never success). */
export const emptyAnswer = z.array(z.unknown()).length(0);
