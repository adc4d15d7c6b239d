import { Writable } from 'node:stream';
import { conversationLogId, createLogger, withTurnLog } from '../../src/log';

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('turn fields on log lines', () => {
  it('names the conversation (hashed), channel and turn on every line logged during a turn, by any logger', async () => {
    const { lines, stream } = capture();
    const checkout = createLogger('info', stream);
    const catalog = createLogger('info', stream).child({ module: 'catalog' });
    const conversation = conversationLogId('29:1a-teams-user-id');
    checkout.info('before');
    await withTurnLog({ conversation, channel: 'msteams', turn: 7 }, async () => {
      checkout.info('in the turn');
      await new Promise((resolve) => setImmediate(resolve));
      catalog.info('after an await, from another logger');
    });
    checkout.info('after');
    expect(lines.map((l) => [l.msg, l.conversation, l.channel, l.turn])).toEqual([
      ['before', undefined, undefined, undefined],
      ['in the turn', conversation, 'msteams', 7],
      ['after an await, from another logger', conversation, 'msteams', 7],
      ['after', undefined, undefined, undefined],
    ]);
  });

  it('hashes conversation ids: stable, short, and never the id itself', () => {
    const id = 'a:1jNkS2_telegram_123456789';
    expect(conversationLogId(id)).toBe(conversationLogId(id));
    expect(conversationLogId(id)).toHaveLength(12);
    expect(conversationLogId(id)).not.toContain('123456789');
    expect(conversationLogId(id)).not.toBe(conversationLogId(`${id}x`));
  });
});
