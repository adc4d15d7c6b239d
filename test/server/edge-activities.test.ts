import { ACTIVITY_LIMITS } from '../../src/server';
import { JSON_HEADERS, messageActivity, startEdgeFixture, type EdgeFixture } from './edge-fixture';

describe('/api/messages checks the activity before any turn runs', () => {
  let edge: EdgeFixture;

  beforeAll(async () => {
    edge = await startEdgeFixture();
  });

  afterAll(async () => {
    await edge.close();
  });

  async function postJson(body: unknown): Promise<Response> {
    return fetch(edge.server.messagesUrl, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
  }

  const spoiled = (overrides: Record<string, unknown>) => messageActivity(edge.connector.serviceUrl, overrides);

  it.each<[string, () => unknown]>([
    ['text that is a number', () => spoiled({ text: 42 })],
    ['text that is an array', () => spoiled({ text: ['hello'] })],
    ['text that is an object', () => spoiled({ text: { value: 'hello' } })],
    ['text over the edge cap', () => spoiled({ text: 'x'.repeat(ACTIVITY_LIMITS.text + 1) })],
    ['a numeric locale', () => spoiled({ locale: 7 })],
    ['a locale of 65 characters', () => spoiled({ locale: 'e'.repeat(65) })],
    ['a numeric conversation id', () => spoiled({ conversation: { id: 12345 } })],
    ['an empty conversation id', () => spoiled({ conversation: { id: '' } })],
    ['a conversation id over the limit', () => spoiled({ conversation: { id: 'c'.repeat(ACTIVITY_LIMITS.id + 1) } })],
    ['a conversation that is a string', () => spoiled({ conversation: 'conversation-1' })],
    ['entities that are not an array', () => spoiled({ entities: { type: 'clientInfo', locale: 'de-DE' } })],
    ['an entity without a type', () => spoiled({ entities: [{ locale: 'de-DE' }] })],
    ['membersAdded that is not an array', () => spoiled({ type: 'conversationUpdate', membersAdded: { id: 'user-1' } })],
    ['a member without an id', () => spoiled({ type: 'conversationUpdate', membersAdded: [{ name: 'x' }] })],
    ['membersRemoved that is a string', () => spoiled({ type: 'conversationUpdate', membersRemoved: 'user-1' })],
    ['attachments that are an object', () => spoiled({ attachments: { contentType: 'image/png' } })],
    ['channelData that is a string', () => spoiled({ channelData: 'telegram' })],
    ['a numeric activity type', () => spoiled({ type: 1 })],
    ['an empty activity type', () => spoiled({ type: '' })],
    ['no from', () => spoiled({ from: undefined })],
    ['a from id that is a number', () => spoiled({ from: { id: 1 } })],
    ['no recipient', () => spoiled({ recipient: undefined })],
    ['no channel id', () => spoiled({ channelId: undefined })],
    ['no service URL', () => spoiled({ serviceUrl: undefined })],
    ['a service URL that is not a URL', () => spoiled({ serviceUrl: 'not a url' })],
    ['a file: service URL', () => spoiled({ serviceUrl: 'file:///etc/passwd' })],
    ['a body that is an array', () => [spoiled({})]],
    ['a body that is a string', () => 'message'],
    ['a body that is null', () => null],
    ['an object that is not an activity', () => ({ hello: 'world' })],
  ])('answers 400 to %s, and no turn runs', async (_name, body) => {
    const turns = edge.turns();
    const received = edge.connector.received.length;
    const response = await postJson(body());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'malformed-activity' });
    expect(edge.turns()).toBe(turns);
    expect(edge.connector.received.length).toBe(received);
  });

  it('logs which fields were wrong, never their values', async () => {
    const before = edge.logLines.length;
    await postJson(spoiled({ text: { secret: 'my-street-42' }, locale: 99 }));
    const logged = edge.logLines.slice(before).join('\n');
    expect(logged).toContain('malformed activity refused');
    expect(logged).toContain('text');
    expect(logged).toContain('locale');
    expect(logged).not.toContain('my-street-42');
  });

  it.each<[string, Record<string, unknown>]>([
    ['text at the edge cap', { text: 'x'.repeat(ACTIVITY_LIMITS.text) }],
    ['nulls for optional fields', { text: null, locale: null, entities: null }],
    ['fields the edge does not check', { suggestedActions: { actions: [] }, value: { anything: [1, 2] }, extra: true }],
    ['a card submit without text', { text: undefined, value: { action: 'confirm' }, channelData: { postBack: true } }],
    ['Teams entities', { entities: [{ type: 'clientInfo', locale: 'de-DE', platform: 'Web' }] }],
    ['a conversation update', { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'user-1' }] }],
  ])('runs the turn for %s', async (_name, overrides) => {
    const turns = edge.turns();
    const response = await postJson(spoiled(overrides));
    expect(response.status).toBe(200);
    expect(edge.turns()).toBe(turns + 1);
  });
});

describe('anonymous mode replies only to loopback service URLs', () => {
  let edge: EdgeFixture;

  beforeAll(async () => {
    edge = await startEdgeFixture();
  });

  afterAll(async () => {
    await edge.close();
  });

  const port = () => new URL(edge.connector.serviceUrl).port;

  async function postWithServiceUrl(serviceUrl: string): Promise<Response> {
    const body = JSON.stringify(messageActivity(serviceUrl));
    return fetch(edge.server.messagesUrl, { method: 'POST', headers: JSON_HEADERS, body });
  }

  it.each<[string, () => string]>([
    ['a public host', () => 'https://smba.trafficmanager.net/emea/'],
    ['a private address', () => 'http://10.0.0.7:8080/internal/'],
    ['the unspecified address', () => `http://0.0.0.0:${port()}/`],
    // Would reach the loopback connector if it were let through: it proves nothing is sent.
    ['an IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${port()}/`],
    ['a name that only starts with localhost', () => `http://localhost.attacker.example:${port()}/`],
    ['a name that contains 127.0.0.1', () => `http://127.0.0.1.nip.io:${port()}/`],
    ['loopback in the user part only', () => `http://127.0.0.1@attacker.example:${port()}/`],
  ])('refuses %s with 403 before any turn, and the connector is never contacted', async (_name, serviceUrl) => {
    const turns = edge.turns();
    const received = edge.connector.received.length;
    const response = await postWithServiceUrl(serviceUrl());
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'service-url-not-allowed' });
    expect(edge.turns()).toBe(turns);
    expect(edge.connector.received.length).toBe(received);
  });

  it.each<[string, () => string]>([
    ['127.0.0.1', () => edge.connector.serviceUrl],
    ['localhost', () => `http://localhost:${port()}`],
    ['127.0.0.1 written as a number', () => `http://2130706433:${port()}`],
  ])('answers through a loopback connector at %s', async (_name, serviceUrl) => {
    const received = edge.connector.received.length;
    const response = await postWithServiceUrl(serviceUrl());
    expect(response.status).toBe(200);
    expect(edge.connector.received.length).toBe(received + 1);
  });
});
