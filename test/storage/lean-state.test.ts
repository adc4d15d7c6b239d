import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage, TestAdapter, TurnContext, type Storage, type StoreItems } from 'botbuilder';
import { ManualClock } from '../../src/clock';
import { FileStorage } from '../../src/storage';
import { ETagGuardStorage } from '../../src/storage/etag-guard';
import { LeanConversationState, LeanUserState } from '../../src/storage/lean-state';
import { memoryLogger } from '../server/helpers';

/** Counts the writes that reach the wrapped storage, and keeps the items written. */
class CountingStorage implements Storage {
  readonly writes: StoreItems[] = [];
  constructor(private readonly inner: Storage) {}
  read(keys: string[]) {
    return this.inner.read(keys);
  }
  async write(changes: StoreItems) {
    this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems);
    await this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

function turn(text = 'hi'): TurnContext {
  const adapter = new TestAdapter();
  return new TurnContext(adapter, {
    type: 'message',
    text,
    channelId: 'test',
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
    serviceUrl: 'http://localhost',
  });
}

describe('LeanConversationState / LeanUserState', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'lean-state-')), 'state');
  });
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));
  const fileStorage = () => new FileStorage({ dir, ttlMs: 86_400_000, clock: new ManualClock(), logger: memoryLogger().logger });

  it.each([
    ['MemoryStorage', () => new MemoryStorage()],
    ['FileStorage', fileStorage],
  ])('on %s: saves a changed state, skips an unchanged one, and reads back what was saved', async (_name, make) => {
    const storage = new CountingStorage(make());
    const state = new LeanConversationState(storage);
    const cart = state.createProperty<{ lines: string[] }>('cart');

    const first = turn();
    await cart.set(first, { lines: ['canon'] });
    await state.saveChanges(first);
    expect(storage.writes).toHaveLength(1);

    const second = turn();
    expect(await cart.get(second)).toEqual({ lines: ['canon'] });
    await state.saveChanges(second); // read, not changed
    expect(storage.writes).toHaveLength(1);

    const third = turn();
    (await cart.get(third))!.lines.push('macbook'); // changed in place
    await state.saveChanges(third);
    expect(storage.writes).toHaveLength(2);
    expect(Object.values(storage.writes[1])[0]).toMatchObject({ cart: { lines: ['canon', 'macbook'] }, eTag: '*' });
    await state.saveChanges(third); // saved already, nothing new
    expect(storage.writes).toHaveLength(2);

    const fourth = turn();
    expect(await cart.get(fourth)).toEqual({ lines: ['canon', 'macbook'] });
    await state.saveChanges(fourth, true); // forced
    expect(storage.writes).toHaveLength(3);
  });

  it('FileStorage writes the text the state compared, through the eTag guard too, and a later change is not lost', async () => {
    const files = fileStorage();
    const guarded = new ETagGuardStorage(files, (key) => files.read([key]).then((items) => (items[key]?.eTag as string | undefined) ?? null), () => true);
    const state = new LeanConversationState(guarded);
    const note = state.createProperty<string>('note');

    const first = turn();
    await note.set(first, 'one');
    await state.saveChanges(first);
    const second = turn();
    expect(await note.get(second)).toBe('one');
    await note.set(second, 'two');
    await state.saveChanges(second);

    // The object read in the second turn is written directly, changed after the read: its new content is what lands.
    const key = 'test/conversations/conv-1/';
    const [item] = Object.values(await files.read([key]));
    (item as { note: string }).note = 'three';
    await files.write({ [key]: item });
    expect((await new FileStorage({ dir, ttlMs: 86_400_000, clock: new ManualClock(), logger: memoryLogger().logger }).read([key]))[key]).toMatchObject({
      note: 'three',
    });
  });

  it('clear() makes the next save write an empty state; delete() removes it', async () => {
    const storage = new CountingStorage(new MemoryStorage());
    const state = new LeanUserState(storage);
    const name = state.createProperty<string>('name');
    const first = turn();
    await name.set(first, 'Ann');
    await state.saveChanges(first);

    const second = turn();
    await state.load(second);
    await state.clear(second);
    await state.saveChanges(second);
    expect(storage.writes).toHaveLength(2);
    expect(await name.get(turn())).toBeUndefined();

    const third = turn();
    await name.set(third, 'Bea');
    await state.saveChanges(third);
    await state.delete(third);
    expect(await state.get(third)).toBeUndefined();
    expect(await name.get(turn())).toBeUndefined();
  });

  it('keeps the keys of botbuilder’s ConversationState and UserState', async () => {
    const ctx = turn();
    expect(new LeanConversationState(new MemoryStorage()).getStorageKey(ctx)).toBe('test/conversations/conv-1/');
    expect(new LeanUserState(new MemoryStorage()).getStorageKey(ctx)).toBe('test/users/user-1/');
  });
});
