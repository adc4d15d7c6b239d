import { ContainerClient } from '@azure/storage-blob';
import { BlobLeaseLock } from '../../src/storage/blob-lease-lock';
import { startAzuriteBlob, type AzuriteBlob } from '../e2e/bot-process';
import { memoryLogger } from '../server/helpers';

/** The per-conversation turn lock against a real Blob service (Azurite on loopback). */
describe('BlobLeaseLock', () => {
  let azurite: AzuriteBlob;
  let container: ContainerClient;
  beforeAll(async () => {
    azurite = await startAzuriteBlob();
    container = new ContainerClient(azurite.connectionString, 'locks-test');
  }, 60_000);
  afterAll(() => azurite.stop());

  it('two holders (as two instances) of one conversation run one after the other; other conversations do not wait', async () => {
    const locks = [new BlobLeaseLock(container, { logger: memoryLogger().logger }), new BlobLeaseLock(container, { logger: memoryLogger().logger })];
    const events: string[] = [];
    let inside = 0;
    let most = 0;
    const turn = (name: string) => async () => {
      inside += 1;
      most = Math.max(most, inside);
      events.push(`${name}:in`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      events.push(`${name}:out`);
      inside -= 1;
      return name;
    };
    const results = await Promise.all([
      locks[0].hold('webchat/c1', turn('a')),
      locks[1].hold('webchat/c1', turn('b')),
      locks[0].hold('webchat/c1', turn('c')),
      locks[1].hold('webchat/c1', turn('d')),
    ]);
    expect(results).toEqual(['a', 'b', 'c', 'd']);
    expect(most).toBe(1);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i].replace(':in', ':out'));

    inside = 0;
    most = 0;
    await Promise.all([locks[0].hold('webchat/c2', turn('e')), locks[1].hold('webchat/c3', turn('f'))]);
    expect(most).toBe(2);
  }, 60_000);

  it('a turn that throws releases the conversation', async () => {
    const lock = new BlobLeaseLock(container, { logger: memoryLogger().logger });
    await expect(lock.hold('webchat/c4', async () => Promise.reject(new Error('turn failed')))).rejects.toThrow('turn failed');
    await expect(lock.hold('webchat/c4', async () => 'next')).resolves.toBe('next');
  }, 60_000);
});
