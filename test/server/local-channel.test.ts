import { decodeAction, renderCard, type CardModel } from '../../src/cards';
import { activityLanguageTag } from '../../src/i18n/locale';
import {
  createChannelActivityFactory,
  LOCAL_CHANNELS,
  renderActivities,
  renderShowCard,
  type LocalChannelId,
} from '../../src/server/local-channel';
import { answerInput, parseChatArgs } from '../../src/server/local-channel/chat-cli';

const FIXED_NOW = () => new Date(Date.UTC(2026, 0, 15, 10, 0, 0));
const factory = (channel: LocalChannelId, locale = 'de') =>
  createChannelActivityFactory({ channel, locale, serviceUrl: 'http://127.0.0.1:1', conversationKey: 'k1', now: FIXED_NOW });

const productModel: CardModel = {
  title: 'Found 2',
  items: [
    { title: 'iPhone', subtitle: '$123.20', facts: [{ label: 'Model', value: 'product 11' }], buttons: [{ title: 'Choose', action: { a: 'pick', v: '40' } }] },
    { title: 'iPod Classic', buttons: [{ title: 'Choose', action: { a: 'pick', v: '48' } }] },
  ],
  buttons: [{ title: 'More', action: { a: 'more' } }],
};

describe('channel activities', () => {
  it.each(LOCAL_CHANNELS)('puts the locale where %s puts it', (channel) => {
    const f = factory(channel, 'ru');
    expect(activityLanguageTag(f.text('hi'))).toBe('ru');
    expect(activityLanguageTag(f.start())).toBe('ru');
  });

  it('keeps Teams locale out of activity.locale, in clientInfo', () => {
    const activity = factory('msteams').text('hallo');
    expect(activity.locale).toBeUndefined();
    expect(activity.entities).toEqual([expect.objectContaining({ type: 'clientInfo', locale: 'de' })]);
    expect(activity.conversation).toMatchObject({ conversationType: 'personal', tenantId: 'local-tenant' });
  });

  it('opens webchat and Teams with conversationUpdate, Telegram with /start', () => {
    expect(factory('webchat').start()).toMatchObject({ type: 'conversationUpdate', membersAdded: expect.any(Array) });
    expect(factory('msteams').start()).toMatchObject({ type: 'conversationUpdate' });
    expect(factory('telegram').start()).toMatchObject({ type: 'message', text: '/start' });
  });

  it('gives every activity its own id and the same conversation', () => {
    const f = factory('webchat');
    const a = f.text('a');
    const b = f.text('b');
    expect(a.id).not.toBe(b.id);
    expect(a.conversation?.id).toBe(f.conversationId);
    expect(b.conversation?.id).toBe(f.conversationId);
  });
});

describe('card-to-text renderer and clicks', () => {
  it('reads an Adaptive Card: titles, facts, numbered buttons', () => {
    const rendered = renderActivities([{ type: 'typing' }, { ...renderCard('webchat', productModel) }]);
    const text = rendered.lines.join('\n');
    expect(text).toContain('… typing');
    expect(text).toContain('Found 2');
    expect(text).toContain('Model: product 11');
    expect(rendered.buttons.map((b) => `${b.number} ${b.label}`)).toEqual(['1 Choose', '2 Choose', '3 More']);
  });

  it.each(['webchat', 'msteams'] as const)('a %s Action.Submit click sends the data as value', (channel) => {
    const { buttons } = renderActivities([{ ...renderCard('webchat', productModel) }]);
    const activity = factory(channel).click(buttons[1]);
    expect(activity?.value).toEqual({ oc: { a: 'pick', v: '48' } });
    expect(decodeAction({ value: activity?.value, text: activity?.text })).toEqual({ kind: 'action', action: { a: 'pick', v: '48' } });
  });

  it('a Telegram inline-keyboard click arrives as text plus callback_query with the language', () => {
    const { buttons } = renderActivities([{ ...renderCard('telegram', productModel) }]);
    expect(buttons.map((b) => b.label)).toEqual(['Choose', 'Choose', 'More']);
    const activity = factory('telegram', 'ru').click(buttons[0]);
    expect(activity?.text).toBe('oc:pick:40');
    expect(activity?.channelData).toMatchObject({ callback_query: { data: 'oc:pick:40', from: { language_code: 'ru' } } });
    expect(decodeAction({ text: activity?.text })).toEqual({ kind: 'action', action: { a: 'pick', v: '40' } });
  });

  it('a Telegram suggested action sends its title (reply keyboard), other channels its value', () => {
    const rendered = renderActivities([
      { type: 'message', text: 'Same address?', suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Yes', value: 'oc:yes' }] } },
    ]);
    expect(factory('telegram').click(rendered.buttons[0])?.text).toBe('Yes');
    expect(factory('webchat').click(rendered.buttons[0])?.text).toBe('oc:yes');
  });

  it('merges form inputs into Action.Submit data, also from a ShowCard', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Input.Text', id: 'email', label: 'E-mail', isRequired: true },
        { type: 'Input.ChoiceSet', id: 'size', label: 'Size', choices: [{ title: 'Small', value: '1' }, { title: 'Large', value: '2' }] },
      ],
      actions: [
        { type: 'Action.Submit', title: 'Send', data: { oc: { a: 'yes' } } },
        { type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'note' }], actions: [{ type: 'Action.Submit', title: 'Go', data: { k: 1 } }] } },
      ],
    };
    const rendered = renderActivities([{ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }]);
    expect(rendered.lines).toContain('│ (E-mail, required)');
    const send = rendered.buttons[0];
    expect(send.action.kind === 'submit' && send.action.inputs.map((i) => i.id)).toEqual(['email', 'size']);
    expect(factory('webchat').click(send, { email: 'a@b.c', size: '2' })?.value).toEqual({ oc: { a: 'yes' }, email: 'a@b.c', size: '2' });

    const more = rendered.buttons[1];
    if (more.action.kind !== 'showCard') throw new Error('expected a ShowCard button');
    const opened = renderShowCard(more.action.card, more.action.inputs);
    const go = opened.buttons[0];
    expect(go.action.kind === 'submit' && go.action.inputs.map((i) => i.id)).toEqual(['email', 'size', 'note']);
  });

  it('makes a Container selectAction a button labelled by its texts', () => {
    const card = { type: 'AdaptiveCard', body: [{ type: 'Container', items: [{ type: 'TextBlock', text: 'iPhone' }], selectAction: { type: 'Action.Submit', data: { x: 1 } } }] };
    const rendered = renderActivities([{ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }]);
    expect(rendered.buttons).toEqual([expect.objectContaining({ label: 'iPhone', action: expect.objectContaining({ kind: 'submit', data: { x: 1 } }) })]);
  });

  it('honours the msteams imBack key of Action.Submit data on Teams', () => {
    const card = { type: 'AdaptiveCard', body: [], actions: [{ type: 'Action.Submit', title: 'Help', data: { msteams: { type: 'imBack', value: 'help' } } }] };
    const { buttons } = renderActivities([{ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }]);
    expect(factory('msteams').click(buttons[0])).toMatchObject({ text: 'help' });
  });
});

describe('chat client flags and form answers', () => {
  it('parses flags and defaults', () => {
    expect(parseChatArgs([], {})).toEqual({ ok: true, args: { channel: 'webchat', locale: 'en', botUrl: 'http://localhost:3978/api/messages' } });
    expect(parseChatArgs(['--channel', 'telegram', '--locale=ru'], { BOT_URL: 'http://127.0.0.1:9/api/messages' })).toEqual({
      ok: true,
      args: { channel: 'telegram', locale: 'ru', botUrl: 'http://127.0.0.1:9/api/messages' },
    });
    expect(parseChatArgs(['--channel', 'skype'])).toMatchObject({ ok: false });
    expect(parseChatArgs(['--locale', 'fr'])).toMatchObject({ ok: false });
  });

  it('accepts a choice by number or title, and insists on required inputs', () => {
    const size = { id: 'size', type: 'Input.ChoiceSet', label: 'Size', required: true, multiSelect: false, choices: [{ title: 'Small', value: '1' }, { title: 'Large', value: '2' }] };
    expect(answerInput(size, '2')).toEqual({ ok: true, value: '2' });
    expect(answerInput(size, 'small')).toEqual({ ok: true, value: '1' });
    expect(answerInput(size, 'huge')).toMatchObject({ ok: false });
    expect(answerInput(size, '')).toMatchObject({ ok: false });
    expect(answerInput({ ...size, required: false, choices: [] }, '')).toEqual({ ok: true, value: undefined });
  });
});
