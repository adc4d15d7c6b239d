import type { Outcome } from './api';
import { parseApiBody } from './body';
import { OpenCartHttpError, OpenCartProtocolError, cutPayload } from './errors';
import { emptyAnswerFailure, mapError } from './failures';
import type { RouteSpec } from './routes';
import { emptyAnswer, errorAnswer } from './schemas/common';
import type { RawAnswer } from './transport';

const NOT_AN_ERROR = { success: false } as const;

/** Only a plain object with an `error` key can pass errorAnswer (a looseObject requiring `error`). */
function hasErrorField(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'error' in value;
}

export interface Interpretation<T> {
  outcome: Outcome<T>;
  phpWarnings: boolean;
}

/**
 * Reads one raw answer as its route's outcome. Throws OpenCartHttpError / OpenCartProtocolError when the
 * answer is not OpenCart API JSON; `secrets` are cut out of any payload quoted in those errors.
 */
export function interpretAnswer<T>(
  spec: RouteSpec<T>,
  answer: RawAnswer,
  secrets: readonly (string | null | undefined)[],
): Interpretation<T> {
  if (answer.status !== 200) throw new OpenCartHttpError(spec.route, answer.status, cutPayload(answer.body, secrets));
  const body = parseApiBody(answer.body);
  if (body.kind === 'invalid-session') {
    // OpenCart rejected the session cookie: as dead as a bad token, and cured the same way.
    return { outcome: { ok: false, code: 'PERMISSION', message: 'Error: Invalid session ID!' }, phpWarnings: false };
  }
  if (body.kind === 'unparseable') {
    throw new OpenCartProtocolError(spec.route, cutPayload(answer.body, secrets), body.problem);
  }
  const { value, phpWarnings } = body;
  // Cheap shape tests first: most answers are neither `[]` nor carry `error`, and skip those two zod checks.
  if (Array.isArray(value) && emptyAnswer.safeParse(value).success) return { outcome: emptyAnswerFailure(spec.route), phpWarnings };

  const failed = hasErrorField(value) ? errorAnswer.safeParse(value) : NOT_AN_ERROR;
  // cart/products reports stock and minimum problems in `error` next to a cart that is still valid.
  const cartWarningsOnly =
    spec.route === 'api/cart/products' &&
    failed.success &&
    typeof failed.data.error === 'object' &&
    failed.data.error.warning === undefined &&
    'products' in failed.data;
  if (failed.success && !cartWarningsOnly) return { outcome: mapError(spec.route, failed.data.error), phpWarnings };

  const parsed = spec.success.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : 'schema mismatch';
    throw new OpenCartProtocolError(spec.route, cutPayload(answer.body, secrets), where);
  }
  return { outcome: { ok: true, value: parsed.data }, phpWarnings };
}
