import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The recorded corpus (a copy lives in test/fixtures; tests never read ../shared). */
export const CORPUS_DIR = join(__dirname, '..', 'fixtures', 'opencart-contract', '3.0.5.1');

export interface RecordedRequest {
  method: string;
  route: string;
  query: Record<string, string>;
  path: string;
  form: [string, string][] | null;
  content_type?: string | null;
  cookies?: Record<string, string>;
  source_ip?: string;
  raw_body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  json?: unknown;
  raw?: string;
  text?: string;
}

export type Step =
  | { request: RecordedRequest; response: RecordedResponse; observed?: string; label?: string }
  | { sql: string; result?: unknown; observed?: string }
  | { comment: string };

export interface Scenario {
  scenario: string;
  notes: string;
  steps: Step[];
  latency_ms?: unknown;
  results?: unknown;
}

export function scenarioFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.json')).sort();
}

export function loadScenario(file: string): Scenario {
  return JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as Scenario;
}

export const isExchange = (s: Step): s is Extract<Step, { request: RecordedRequest }> => 'request' in s;
export const isSql = (s: Step): s is Extract<Step, { sql: string }> => 'sql' in s;
