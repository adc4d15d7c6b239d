import { rmSync } from 'node:fs';
import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { startBotProcess, tempStateDir, type BotProcess } from './bot-process';
import { AFTER_ADDRESS, CANON_TO_BERLIN, play, shown } from './steps';

/**
 * `npm start` with its embedded demo store, killed and started again: the new store knows nothing of the old API
 * session (corpus 02: a dead token gets [] from shipping/address), and the checkout must notice and rebuild it.
 */
describe('restart with the embedded demo store', () => {
  const bots: BotProcess[] = [];
  let connector: LocalConnector;
  const stateDir = tempStateDir();
  beforeAll(async () => {
    connector = await startLocalConnector();
  });
  afterAll(async () => {
    for (const bot of bots) bot.kill();
    await connector.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('goes on at the shipping method question with a fresh OpenCart session rebuilt from the draft', async () => {
    // Delivery to the billing address is the default now: the shipping question follows the postcode.
    const shippingAt = AFTER_ADDRESS;
    const chatWith = (bot: BotProcess) =>
      new ChatSession({ botUrl: `${bot.url}/api/messages`, connector, channel: 'webchat', locale: 'en', conversationKey: 'embedded' });
    const first = await startBotProcess({ STATE_DIR: stateDir });
    bots.push(first);
    const chat = chatWith(first);
    await chat.start();
    await play(chat, CANON_TO_BERLIN.slice(0, shippingAt));
    const flat = chat.findButton(/flat shipping/i); // the card the customer still sees
    await first.stop('SIGKILL');

    const second = await startBotProcess({ STATE_DIR: stateDir });
    bots.push(second);
    const resumed = chatWith(second);
    // The new store answers shipping/method only for a session that has the address again.
    const answer = shown(await resumed.press(flat));
    expect(answer).toMatch(/cash on delivery/i);
    const rest = await play(resumed, CANON_TO_BERLIN.slice(shippingAt + 1));
    expect(rest.at(-1)).toMatch(/Your order number is \d+/);
  }, 60_000);
});
