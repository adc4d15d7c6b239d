import pino from 'pino';
import type { Logger } from '../../src/log';

/** A logger whose JSON lines are kept in memory, to assert what reaches the logs. */
export function memoryLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}
