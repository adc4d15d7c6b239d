import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { ChatSession, startLocalConnector, type ChatTurn, type LocalChannelId, type LocalConnector } from '../../src/server/local-channel';
import { startAzuriteBlob, startBotProcess, startRecordingProxy, type AzuriteBlob, type BotProcess, type RecordingProxy } from './bot-process';
import { CANON_TO_BERLIN, RUSSIAN_ORDER_TO_KALININGRAD, restock, shown, stepTurn, type Step } from './steps';

/**
 * Two `npm start` processes sharing their state in Azure Blob Storage (Azurite on loopback), as two instances
 * behind a load balancer: turns of one conversation go to either, one after the other or both at once, and every
 * order is placed exactly once; one OpenCart session never gets two requests at once.
 */
describe('two instances sharing Blob state', () => {
  let azurite: AzuriteBlob;
  let store: DemoStoreHandle;
  let proxy: RecordingProxy;
  let connector: LocalConnector;
  let bots: BotProcess[] = [];

  beforeAll(async () => {
    azurite = await startAzuriteBlob();
    store = await startDemoStore();
    proxy = await startRecordingProxy(store.url);
    connector = await startLocalConnector();
    const env = {
      OPENCART_URL: proxy.url,
      OPENCART_API_KEY: store.apiKey,
      STATE_STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: `bot-state-${process.pid}`,
    };
    bots = await Promise.all([startBotProcess(env), startBotProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    for (const bot of bots) bot.kill();
    await connector.close();
    await proxy.close();
    await store.close();
    azurite.stop();
  });

  /** One customer whose turns go to both instances: one chat session per instance, on one conversation. */
  function customer(key: string, channel: LocalChannelId = 'webchat', locale = 'en'): ChatSession[] {
    return bots.map((bot) => new ChatSession({ botUrl: `${bot.url}/api/messages`, connector, channel, locale, conversationKey: key }));
  }

  /** Step i goes to instance i % 2; the customer sees the last answer, whichever instance gave it. */
  async function alternate(sessions: ChatSession[], steps: Step[], seen: ChatTurn): Promise<{ transcript: string[]; last: ChatTurn }> {
    const transcript: string[] = [];
    let last = seen;
    for (const [i, step] of steps.entries()) {
      const session = sessions[i % sessions.length];
      session.lastTurn = last;
      last = await stepTurn(session, step);
      transcript.push(shown(last));
    }
    return { transcript, last };
  }

  const withEmail = (email: string) => CANON_TO_BERLIN.map((step) => ('say' in step && step.say === 'jane@example.com' ? { say: email } : step));
  const ordersOf = (email: string) => store.hooks.orders().filter((order) => order.info.email === email);

  it('turns of one conversation alternating between the instances: the order goes on and is placed once', async () => {
    restock(store);
    const sessions = customer(`alternate-${process.pid}`);
    const { transcript } = await alternate(sessions, withEmail('alternate@example.com'), await sessions[1].start());

    const orders = ordersOf('alternate@example.com');
    expect(orders).toHaveLength(1);
    expect(orders[0].info).toMatchObject({ firstname: 'Jane', payment_address_1: 'Hauptstr. 1', payment_postcode: '10115' });
    expect(transcript.at(-1)).toContain(`Your order number is ${orders[0].orderId}.`);
    const street = CANON_TO_BERLIN.findIndex((step) => 'say' in step && step.say === 'Hauptstr. 1');
    expect(transcript[street]).toMatch(/and the postcode\?/i); // the street was taken as the street
  }, 180_000);

  it('several customers at once, each alternating, each pressing "Place order" at both instances at once: every order exactly once', async () => {
    restock(store);
    const emails = [1, 2, 3].map((n) => `both-${n}@example.com`);
    const customers = emails.map((email, n) => ({ email, sessions: customer(`both-${process.pid}-${n}`) }));
    const russian = customer(`both-${process.pid}-ru`, 'telegram', 'ru');

    await Promise.all([
      ...customers.map(async ({ email, sessions }) => {
        const { last: summary } = await alternate(sessions, withEmail(email).slice(0, -1), await sessions[0].start());
        // The same click reaches both instances at the same moment (a double click behind a load balancer).
        for (const session of sessions) session.lastTurn = summary;
        const answers = (await Promise.all(sessions.map((session) => session.click(/place order/i)))).map(shown);
        const [order] = ordersOf(email);
        // One instance placed it; the other's turn waited for it and answered with the same order. (Each session
        // hears every reply of the conversation while its request is open, so the texts are looked for in both.)
        const heard = answers.join('\n');
        expect(heard).toContain(`Your order number is ${order?.orderId}.`);
        expect(heard).toContain(`Your order ${order?.orderId} has already been placed`);
      }),
      (async () => {
        await alternate(russian, RUSSIAN_ORDER_TO_KALININGRAD, await russian[1].say('/start'));
      })(),
    ]);

    for (const email of [...emails, 'ivan@example.ru']) expect(ordersOf(email)).toHaveLength(1);
    expect(ordersOf('ivan@example.ru')[0].info).toMatchObject({ firstname: 'Иван', payment_address_1: 'ул. Ленина, 5' });
    expect(proxy.maxInFlightPerSession()).toBe(1);
  }, 300_000);
});
