import type { TurnContext } from 'botbuilder';
import { DialogContainer, type DialogContext, type DialogInstance, type DialogSet, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/**
 * The innermost active dialog, read from the dialog stack itself. `dc.child` builds a DialogContext (with its
 * DialogStateManager, memory scopes and component registration) for every level each time it is read; the checks
 * made before each turn's dialogs (interruptions, small talk, the gift message) need only the leaf's id and
 * state, so they follow the stacks as `dc.child` does (a container's child stack sits under its instance's state,
 * ComponentDialog's `dialogs`) without building contexts.
 */
const CHILD_STATE = 'dialogs'; // ComponentDialog's persisted child dialog state

/** The active dialog of each level, outermost first (the last is the leaf). */
export function activePath(dc: DialogContext): DialogInstance[] {
  const path: DialogInstance[] = [];
  let set: DialogSet = dc.dialogs;
  let instance = dc.activeDialog;
  while (instance) {
    path.push(instance);
    const dialog = set.find(instance.id);
    if (!(dialog instanceof DialogContainer)) return path;
    const childStack = (instance.state?.[CHILD_STATE] as { dialogStack?: DialogInstance[] } | undefined)?.dialogStack;
    const child = Array.isArray(childStack) ? childStack[childStack.length - 1] : undefined; // the top, as activeDialog
    if (!child) return path;
    set = dialog.dialogs;
    instance = child;
  }
  return path;
}

export function activeLeaf(dc: DialogContext): DialogInstance | undefined {
  return activePath(dc).at(-1);
}

export function activeLeafId(dc: DialogContext): string | undefined {
  return activeLeaf(dc)?.id;
}

/** The innermost context (built level by level, as botbuilder does): for acting on the open question. */
export function innermostContext(dc: DialogContext): DialogContext {
  let current: DialogContext = dc;
  while (current.child) current = current.child;
  return current;
}

/**
 * The memory scopes and path resolvers of botbuilder's DialogStateManager, made once per process instead of once
 * per turn (botbuilder builds them for the turn's first DialogContext and caches them in turn state under this key,
 * as DialogManager's `stateConfiguration` lets one set them for good). They hold no state of their own.
 */
const STATE_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

export class DialogStateConfiguration {
  private configuration: DialogStateManagerConfiguration | undefined;

  /** The turn's root DialogContext, with the configuration of earlier turns. */
  async createContext(set: DialogSet, ctx: TurnContext): Promise<DialogContext> {
    if (this.configuration) ctx.turnState.set(STATE_CONFIGURATION_KEY, this.configuration);
    const dc = await set.createContext(ctx);
    this.configuration ??= dc.state.configuration;
    return dc;
  }
}
