import { ConversationState, UserState, type BotState, type Storage, type StoreItem, type TurnContext } from 'botbuilder';
import { markSavedJson, takeReadJson, takeSavedJson } from './state-json';

/**
 * botbuilder's BotState, with its change detection made cheap. BotState hashes the whole state at load, again at
 * save to see whether it changed, and a third time after the write (botbuilder-stdlib's stringify with a replacer,
 * then SHA-256), and the storage serialises it once more: four passes over the state each turn.
 *
 * Here the state's JSON (without its eTag) is the change mark. At load it comes from the storage when the storage
 * knows it (FileStorage hands out the JSON it parsed, state-json.ts), else one JSON.stringify; at save one
 * JSON.stringify decides whether anything changed and is handed to the storage, which writes that same text.
 * What is saved, when and with which eTag ('*', which ETagGuardStorage turns into the eTag read) is as in BotState.
 */
interface Cached {
  state: StoreItem;
  /** The state's JSON without eTag when it was loaded or last saved; '' forces the next save. */
  json: string;
}

/** The state's JSON without its eTag: the key order is the object's, as JSON.stringify gives it. */
function jsonWithoutETag(state: StoreItem): string {
  if (!('eTag' in state)) return JSON.stringify(state);
  const { eTag: _ignored, ...rest } = state;
  return JSON.stringify(rest);
}

class LeanStateCore {
  private readonly turnKey = Symbol('leanState');

  constructor(
    private readonly storage: Storage,
    private readonly keyOf: (context: TurnContext) => string | Promise<string>,
  ) {}

  async load(context: TurnContext, force: boolean): Promise<StoreItem> {
    const cached = context.turnState.get(this.turnKey) as Cached | undefined;
    if (!force && cached?.state) return cached.state;
    const key = await this.keyOf(context);
    const items = await this.storage.read([key]);
    const state = (items[key] as StoreItem | undefined) ?? {};
    context.turnState.set(this.turnKey, { state, json: takeReadJson(state) ?? jsonWithoutETag(state) } satisfies Cached);
    return state;
  }

  async saveChanges(context: TurnContext, force: boolean): Promise<void> {
    let cached = context.turnState.get(this.turnKey) as Cached | undefined;
    if (!cached && !force) return;
    cached ??= { state: {}, json: '' };
    const json = jsonWithoutETag(cached.state);
    if (!force && json === cached.json) return;
    const key = await this.keyOf(context);
    cached.state.eTag = '*';
    try {
      await this.storage.write({ [key]: markSavedJson(cached.state, json) });
    } finally {
      takeSavedJson(cached.state); // a storage that did not take it
    }
    cached.json = json;
    context.turnState.set(this.turnKey, cached);
  }

  clear(context: TurnContext): void {
    context.turnState.set(this.turnKey, { state: {}, json: '' } satisfies Cached);
  }

  async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.turnKey);
    const key = await this.keyOf(context);
    await this.storage.delete([key]);
  }

  get(context: TurnContext): StoreItem | undefined {
    const cached = context.turnState.get(this.turnKey) as Cached | undefined;
    return typeof cached === 'object' && typeof cached.state === 'object' ? cached.state : undefined;
  }
}

// A mixin's base must take any arguments (TS2545); here they are (storage, namespace).
type StateClass = new (...args: any[]) => BotState;

/** Puts LeanStateCore behind a BotState class's load, save, clear, delete and get; its keys stay the class's own. */
function withLeanChanges<T extends StateClass>(Base: T) {
  return class extends Base {
    readonly core: LeanStateCore;

    constructor(...args: any[]) {
      super(...args);
      this.core = new LeanStateCore(args[0] as Storage, (context) => this.storageKey(context));
    }

    override load(context: TurnContext, force = false): Promise<StoreItem> {
      return this.core.load(context, force);
    }

    override saveChanges(context: TurnContext, force = false): Promise<void> {
      return this.core.saveChanges(context, force);
    }

    override clear(context: TurnContext): Promise<void> {
      this.core.clear(context);
      return Promise.resolve();
    }

    override delete(context: TurnContext): Promise<void> {
      return this.core.delete(context);
    }

    override get(context: TurnContext): StoreItem | undefined {
      return this.core.get(context);
    }
  };
}

/** ConversationState with cheap change detection (same keys, same storage, same saves). */
export class LeanConversationState extends withLeanChanges(ConversationState) {}

/** UserState with cheap change detection (same keys, same storage, same saves). */
export class LeanUserState extends withLeanChanges(UserState) {}
