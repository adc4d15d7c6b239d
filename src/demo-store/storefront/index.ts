/**
 * Storefront pages of the demo store (search, category, product, checkout/guest country fragment, zone JSON),
 * rendered with the same markup as a real OpenCart 3.0.5.1 default theme so the catalog reads both alike.
 * STUB: the catalog work fills this in; until then every storefront route answers null (the server sends 404).
 */

export interface StorefrontRequest {
  method: string;
  /** The `route` query parameter, or null for SEO/keyword paths and the home page. */
  route: string | null;
  /** URL path without query, e.g. "/index.php" or "/iphone". */
  path: string;
  query: URLSearchParams;
  body: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

export interface StorefrontResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/** `data` is the demo store's seeded catalog (see ../model.ts); `baseUrl` ends with a slash. */
export function handleStorefront(_req: StorefrontRequest, _data: unknown, _baseUrl: string): StorefrontResponse | null {
  return null;
}
