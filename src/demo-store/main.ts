import 'dotenv/config';
import { startDemoStore } from './index';

/** `npm run demo-store`: the demo store on its own (PORT_DEMO_STORE or 8030). */
async function main(): Promise<void> {
  const port = Number(process.env.PORT_DEMO_STORE ?? 8030);
  const store = await startDemoStore({ port, host: '127.0.0.1' });
  process.stdout.write(`Demo store (OpenCart 3.0.5.1 look-alike) listening on ${store.url}\n`);
  // A fixed demo key, printed on purpose: it protects nothing but this local demo.
  process.stdout.write(`API user "${store.username}", demo API key: ${store.apiKey}\n`);
  const stop = (): void => { void store.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
