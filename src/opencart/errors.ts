import { scrubSecrets } from '../log';

/**
 * Thrown only for transport and protocol problems; OpenCart's own "no" is a returned `Failure`.
 * Messages never contain the API key, the api_token, cookies or personal data.
 */
export class OpenCartError extends Error {
  constructor(
    message: string,
    readonly route: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** No answer within the configured time. The call may or may not have been executed by OpenCart. */
export class OpenCartTimeoutError extends OpenCartError {
  constructor(
    route: string,
    readonly timeoutMs: number,
  ) {
    super(`OpenCart did not answer ${route} within ${timeoutMs} ms`, route);
  }
}

/** The store could not be reached, or the connection broke before an answer came. */
export class OpenCartConnectionError extends OpenCartError {
  constructor(
    route: string,
    readonly code: string,
  ) {
    super(`Could not reach OpenCart for ${route} (${code})`, route);
  }
}

/** An HTTP status other than 200 (OpenCart answers 200 to every API call it knows, even failures). */
export class OpenCartHttpError extends OpenCartError {
  constructor(
    route: string,
    readonly status: number,
    readonly payload: string,
  ) {
    super(`OpenCart answered HTTP ${status} for ${route}: ${payload}`, route);
  }
}

/** The answer was not the JSON that route gives (HTML, garbage, or a shape no recording shows). */
export class OpenCartProtocolError extends OpenCartError {
  constructor(
    route: string,
    readonly payload: string,
    readonly problem: string,
  ) {
    super(`Unexpected answer from OpenCart for ${route} (${problem}): ${payload}`, route);
  }
}

const PAYLOAD_LIMIT = 300;
const EMAIL = /[^\s"'<>@,;:]+@[^\s"'<>@,;:]+\.[A-Za-z]{2,}/g;

/** Cuts a body to ~300 chars and removes keys, tokens, cookies, e-mails and any known secret values. */
export function cutPayload(body: string, secrets: readonly (string | null | undefined)[] = []): string {
  let text = body;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) text = text.split(secret).join('[redacted]');
  }
  text = scrubSecrets(text)
    .replace(/("(?:api_token|key|token|email|telephone|[a-z]+_email)"\s*:\s*")[^"]*"/gi, '$1[redacted]"')
    .replace(EMAIL, '[email]')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > PAYLOAD_LIMIT ? `${text.slice(0, PAYLOAD_LIMIT)}…` : text;
}
