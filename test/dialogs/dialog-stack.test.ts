import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import { ComponentDialog, DialogSet, TextPrompt, WaterfallDialog, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { activeLeaf, activeLeafId, DialogStateConfiguration, innermostContext } from '../../dialogs/dialog-stack';

/** outer (component) > inner (component) > steps (waterfall) > name (prompt): the leaf is found without dc.child. */
function nestedDialogs(state: ConversationState): DialogSet {
  // A component's first dialog added is where it starts.
  const inner = new ComponentDialog('inner');
  inner.addDialog(
    new WaterfallDialog('steps', [
      async (step) => step.prompt('name', 'Your name?'),
      async (step) => step.endDialog(step.result),
    ]),
  );
  inner.addDialog(new TextPrompt('name'));
  const outer = new ComponentDialog('outer');
  outer.addDialog(new WaterfallDialog('outerSteps', [async (step) => step.beginDialog('inner'), async (step) => step.endDialog()]));
  outer.addDialog(inner);
  const set = new DialogSet(state.createProperty<DialogState>('dialogState'));
  set.add(outer);
  set.add(new TextPrompt('top'));
  return set;
}

describe('activeLeaf', () => {
  it('follows component dialogs down to the open prompt, as dc.child does', async () => {
    const state = new ConversationState(new MemoryStorage());
    const set = nestedDialogs(state);
    const seen: { leaf?: string; viaChild?: string; stateSame?: boolean }[] = [];
    const adapter = new TestAdapter(async (ctx) => {
      const dc: DialogContext = await set.createContext(ctx);
      seen.push({
        leaf: activeLeafId(dc),
        viaChild: innermostContext(dc).activeDialog?.id,
        stateSame: activeLeaf(dc)?.state === innermostContext(dc).activeDialog?.state,
      });
      if (ctx.activity.text === 'start') await dc.beginDialog('outer');
      else if (ctx.activity.text === 'top') await dc.beginDialog('top');
      else await dc.continueDialog();
      await state.saveChanges(ctx);
    });
    await adapter.send('start');
    await adapter.send('Ann'); // ends inner and outer
    await adapter.send('top'); // a prompt at the root
    await adapter.send('x');
    expect(seen).toEqual([
      { leaf: undefined, viaChild: undefined, stateSame: true },
      { leaf: 'name', viaChild: 'name', stateSame: true },
      { leaf: undefined, viaChild: undefined, stateSame: true },
      { leaf: 'top', viaChild: 'top', stateSame: true },
    ]);
  });
});

describe('DialogStateConfiguration', () => {
  it('gives every turn the memory scopes of the first, which botbuilder then uses', async () => {
    const state = new ConversationState(new MemoryStorage());
    const set = nestedDialogs(state);
    const reuse = new DialogStateConfiguration();
    const configurations: unknown[] = [];
    const adapter = new TestAdapter(async (ctx) => {
      const dc = await reuse.createContext(set, ctx);
      configurations.push(dc.state.configuration);
      if (ctx.activity.text === 'start') await dc.beginDialog('outer');
      else await dc.continueDialog();
      // A child context of the turn (dc.child) gets the same configuration too.
      const inner = innermostContext(dc);
      configurations.push(inner.state.configuration);
      await state.saveChanges(ctx);
    });
    await adapter.send('start');
    await adapter.send('Ann');
    await adapter.send('start');
    expect(configurations).toHaveLength(6);
    for (const configuration of configurations) expect(configuration).toBe(configurations[0]);
    expect((configurations[0] as { memoryScopes: unknown[] }).memoryScopes.length).toBeGreaterThan(5);
  });
});
