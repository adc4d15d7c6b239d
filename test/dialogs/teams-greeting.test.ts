import { createTranslator } from '../../src/i18n';
import { botUnderTest, shown } from './harness';

const translator = createTranslator();
const GERMAN_CLIENT = { locale: 'en-US', entities: [{ type: 'clientInfo', locale: 'de-DE', country: 'DE', platform: 'Web' }] };

describe('a Teams customer whose client says German', () => {
  it.each(['hallo', 'macbook', 'Hilfe'])('is greeted in German on the first message already (%s)', async (text) => {
    const bot = botUnderTest('msteams');
    // Teams sends the conversation update without any locale: the greeting waits for the first message.
    const joined = await bot.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User' }], recipient: { id: 'bot', name: 'bot' } });
    expect(joined).toHaveLength(0);
    const replies = shown(await bot.send({ text, ...GERMAN_CLIENT }));
    expect(replies).toContain(translator.t('de', 'greeting.title'));
    expect(replies).not.toContain(translator.t('en', 'greeting.title'));
    expect(replies.split(translator.t('de', 'greeting.title'))).toHaveLength(2); // once
  });

  it('is answered in German afterwards too, and greeted only once', async () => {
    const bot = botUnderTest('msteams');
    await bot.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User' }], recipient: { id: 'bot', name: 'bot' } });
    await bot.send({ text: 'hallo', ...GERMAN_CLIENT });
    const second = shown(await bot.send({ text: 'macbook', ...GERMAN_CLIENT }));
    expect(second).not.toContain(translator.t('de', 'greeting.title'));
    expect(second).toContain('MacBook');
  });
});
