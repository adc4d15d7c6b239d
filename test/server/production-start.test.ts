import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** `npm start` as its own process; resolves with its exit code and everything it printed. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/index.ts'], {
    cwd: ROOT,
    // Empty values count as unset and dotenv does not override them: no .env can change what is tested.
    env: {
      PATH: process.env.PATH ?? '',
      OPENCART_URL: '',
      OPENCART_API_KEY: '',
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      ALLOW_ANONYMOUS: '',
      PORT: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Were the refusal gone, it would start and listen: end it so the test fails instead of hanging.
  const guard = setTimeout(() => child.kill('SIGKILL'), 45_000);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(guard);
      resolve({ code, output });
    }),
  );
}

/** Each start compiles with tsx: seconds on a loaded machine. */
const START_TIMEOUT_MS = 60_000;

describe('npm start refuses what would be unsafe', () => {
  it('does not start in production without Bot Framework credentials, and names the variables', async () => {
    const { code, output } = await start({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toMatch(/MicrosoftAppId: required when NODE_ENV=production/);
    expect(output).toContain('ALLOW_ANONYMOUS=true');
    expect(output).not.toContain('bot listening');
  }, START_TIMEOUT_MS);

  it('does not start with a store over plain http on another host', async () => {
    const { code, output } = await start({ OPENCART_URL: 'http://shop.example/', OPENCART_API_KEY: 'k' });
    expect(code).toBe(1);
    expect(output).toMatch(/OPENCART_URL: must be https/);
  }, START_TIMEOUT_MS);
});
