import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const CORPUS_DIR = path.join(__dirname, '..', '..', 'fixtures', 'opencart-contract', '3.0.5.1');

const exchangeSchema = z.object({
  request: z.object({
    method: z.string(),
    route: z.string(),
    query: z.record(z.string(), z.string()).default({}),
    form: z.array(z.tuple([z.string(), z.string()])).optional(),
  }),
  response: z.object({
    status: z.number(),
    headers: z.record(z.string(), z.unknown()),
    json: z.unknown().optional(),
    raw: z.string().optional(),
    text: z.string().optional(),
  }),
  observed: z.string().default(''),
});

export interface RecordedExchange {
  file: string;
  index: number;
  method: string;
  route: string;
  query: Record<string, string>;
  form: [string, string][];
  status: number;
  contentType: string;
  body: string;
  /** The parsed body when the recorder could parse it as JSON, else undefined. */
  json: unknown;
  observed: string;
}

export const SCENARIO_FILES = readdirSync(CORPUS_DIR)
  .filter((f) => /^\d\d-.*\.json$/.test(f))
  .sort();

/** The HTTP exchanges of one scenario file (SQL steps and comments left out). */
export function loadExchanges(file: string): RecordedExchange[] {
  const scenario = z
    .object({ steps: z.array(z.unknown()).default([]) })
    .parse(JSON.parse(readFileSync(path.join(CORPUS_DIR, file), 'utf8')));
  const exchanges: RecordedExchange[] = [];
  scenario.steps.forEach((step, index) => {
    const parsed = exchangeSchema.safeParse(step);
    if (!parsed.success) return;
    const { request, response, observed } = parsed.data;
    exchanges.push({
      file,
      index,
      method: request.method,
      route: request.route,
      query: request.query,
      form: request.form ?? [],
      status: response.status,
      contentType: String(response.headers['content-type'] ?? 'application/json'),
      body: response.raw ?? response.text ?? '',
      json: response.raw !== undefined ? response.json : undefined,
      observed,
    });
  });
  return exchanges;
}
