import type { Activity } from 'botbuilder';
import { createTranslator, type SupportedLocale } from '../../src/i18n';
import type { FakeCheckout } from './fakes';
import { CHANNELS, botUnderTest, shown, type BotUnderTest, type ChannelId } from './harness';
import { TO_SUMMARY, dialogTable, type DialogCase, type Turn } from './table';

const translator = createTranslator();
const LANGUAGES: readonly SupportedLocale[] = ['en', 'ru', 'de'];
const placedOrders = (bot: BotUnderTest) => (bot.checkout as FakeCheckout).placedOrders;

/** To the summary, then (for ru/de) the customer switches language there and sees the summary in it. */
function toSummaryIn(lng: SupportedLocale): Turn[] {
  const t = (key: string) => translator.t(lng, key);
  return lng === 'en' ? TO_SUMMARY : [...TO_SUMMARY, { say: t('language.name'), expect: [t('summary.check'), `[${t('summary.placeOrder')}]`] }];
}

/** What the issue typed at the summary, and the same in Russian and German. */
const PHRASES: Record<SupportedLocale, { place: string[]; address: string[]; shipping: string[]; delivery: string[]; wait: string[]; unclear: string[] }> = {
  en: {
    place: ['yes', 'Yes please!', 'place the order', 'confirm', 'Place order'],
    address: ['please change the address', 'the address is wrong'],
    shipping: ['change delivery', 'please change the shipping'],
    delivery: ['change the delivery address'],
    wait: ['please wait', 'ok wait', 'later', 'wait a moment'],
    unclear: ['k', '+', 'ok', 'Jane\u0000Doe', 'yes\u0000', 'ok\u0000Jane', 'no', 'yes '.repeat(40)],
  },
  ru: {
    place: ['да', 'Подтверждаю', 'оформить заказ', 'Оформить заказ!', 'да, пожалуйста'],
    address: ['пожалуйста, измените адрес', 'неправильный адрес'],
    shipping: ['изменить доставку', 'поменяйте доставку'],
    delivery: ['измените адрес доставки'],
    wait: ['подождите, пожалуйста', 'ок, подожди', 'позже', 'минутку'],
    unclear: ['к', '+', 'ок', 'Иван\u0000Петров', 'да\u0000', 'ja'],
  },
  de: {
    place: ['ja', 'Ja, bitte', 'bestellen', 'Bestellung absenden', 'jetzt bestellen'],
    address: ['bitte die Adresse ändern', 'falsche Adresse'],
    shipping: ['Versand ändern', 'Lieferung ändern'],
    delivery: ['andere Lieferadresse'],
    wait: ['bitte warten', 'ok warte', 'später', 'einen Moment'],
    unclear: ['k', '+', 'ok', 'Jana\u0000Schmidt', 'ja\u0000', 'да'],
  },
};

function summaryCases(lng: SupportedLocale): DialogCase[] {
  const t = (key: string) => translator.t(lng, key);
  const summary = toSummaryIn(lng);
  const orders = (n: number): Turn => ({ act: (bot) => expect(placedOrders(bot)).toBe(n) });
  const buttonsAgain = `[${t('summary.placeOrder')}]`;
  const p = PHRASES[lng];
  return [
    ...p.place.map((say) => ({
      name: `${lng}: "${say}" places the order`,
      turns: [...summary, { say, expect: [translator.t(lng, 'order.placed', { orderId: 1001 })] }, orders(1)],
    })),
    ...p.address.map((say) => ({
      name: `${lng}: "${say}" asks the billing address again`,
      turns: [...summary, { say, expect: [t('address.intro_payment')], not: [buttonsAgain] }, orders(0)],
    })),
    ...p.shipping.map((say) => ({
      name: `${lng}: "${say}" asks the shipping method again`,
      turns: [...summary, { say, expect: [t('shipping.title')] }, orders(0)],
    })),
    ...p.delivery.map((say) => ({
      name: `${lng}: "${say}" asks the delivery address again`,
      turns: [...summary, { say, expect: [t('address.intro_shipping')] }, orders(0)],
    })),
    ...p.wait.map((say) => ({
      name: `${lng}: "${say}" gets "take your time" with the buttons, which still place the order`,
      turns: [
        ...summary,
        { say, expect: [t('summary.takeYourTime'), buttonsAgain], not: [t('summary.placeOrChange')] },
        orders(0),
        { press: t('summary.placeOrder'), expect: [translator.t(lng, 'order.placed', { orderId: 1001 })] },
        orders(1),
      ],
    })),
    ...p.unclear.map((say) => ({
      name: `${lng}: ${JSON.stringify(say.slice(0, 20))} gets the question again with the buttons`,
      turns: [...summary, { say, expect: [t('summary.placeOrChange'), buttonsAgain] }, orders(0)],
    })),
    {
      name: `${lng}: 4,096 characters of "yes" place nothing and get the buttons again`,
      turns: [...summary, { say: `${p.place[0]} `.repeat(4096).slice(0, 4096), expect: [buttonsAgain] }, orders(0)],
    },
  ];
}

dialogTable('consent at the summary', LANGUAGES.flatMap(summaryCases));

/** The ordinary yes/no after the order ("remember my details?") is reasonable, but not fooled either. */
const REMEMBER: Record<SupportedLocale, { loose: string[]; yes: string }> = {
  en: { loose: ['ok wait', 'yes\u0000', 'please wait', 'ok Jane'], yes: 'yes, go ahead' },
  ru: { loose: ['ок, подожди', 'да\u0000', 'да нет'], yes: 'да, конечно' },
  de: { loose: ['ok warte', 'ja\u0000', 'ja nein'], yes: 'Ja, bitte' },
};
dialogTable(
  'the yes/no question after the order',
  LANGUAGES.map((lng) => {
    const t = (key: string) => translator.t(lng, key);
    return {
      name: `${lng}: loose answers are asked again, a clear yes remembers`,
      turns: [
        ...toSummaryIn(lng),
        { press: t('summary.placeOrder'), expect: [t('profile.askConsent')] },
        ...REMEMBER[lng].loose.map((say) => ({ say, expect: [t('common.yesOrNo')], not: [t('profile.remembered')] })),
        { say: REMEMBER[lng].yes, expect: [t('profile.remembered')] },
      ],
    };
  }),
);

/** A language button as each channel would send it: Adaptive Card value, or Telegram's callback text. */
function languageButton(channelId: ChannelId, v: string): Partial<Activity> {
  return channelId === 'telegram' ? { text: `oc:lang:${v}` } : { value: { oc: { a: 'lang', v } } };
}

describe.each(CHANNELS)('a stale or forged language button on %s', (channelId) => {
  it.each(LANGUAGES)('is answered in %s with the language choices', async (lng) => {
    const bot = botUnderTest(channelId);
    if (lng !== 'en') await bot.say(translator.t(lng, 'language.name'));
    for (const v of ['xx', 'fr', '']) {
      const replies = await bot.send(languageButton(channelId, v));
      expect(replies).toHaveLength(1);
      expect(shown(replies)).toContain(translator.t(lng, 'language.unknown'));
      expect(shown(replies)).toMatch(/\[English\][\s\S]*\[Русский\][\s\S]*\[Deutsch\]/);
    }
    expect(shown(await bot.press('Deutsch'))).toContain('Ab jetzt spreche ich Deutsch.');
  });
});

/** Where each channel puts the customer's language on a message. */
const CARRIES: Record<ChannelId, (tag: string) => Partial<Activity>> = {
  webchat: (tag) => ({ locale: tag }),
  msteams: (tag) => ({ locale: 'en-US', entities: [{ type: 'clientInfo', locale: tag }] }),
  telegram: (tag) => ({ locale: 'en-US', channelData: { message: { from: { language_code: tag } } } }),
};
const JOIN: Partial<Activity> = { type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'user' }] };
const greetingIn = (lng: SupportedLocale) => translator.t(lng, 'greeting.title');

describe.each(['webchat', 'msteams'] as const)('the greeting on %s', (channelId) => {
  it.each(['ru', 'de'] as const)('waits for the first message when the join carries no language, then greets in %s', async (lng) => {
    const bot = botUnderTest(channelId);
    expect(await bot.send(JOIN)).toEqual([]);
    const first = shown(await bot.send({ text: 'macbook', ...CARRIES[channelId](`${lng}-${lng.toUpperCase()}`) }));
    expect(first).toContain(greetingIn(lng));
    expect(first).toContain(translator.t(lng, 'cards.choose'));
    expect(first).not.toContain(greetingIn('en'));
    const second = shown(await bot.send({ text: 'ipod', ...CARRIES[channelId](`${lng}-${lng.toUpperCase()}`) }));
    expect(second).not.toContain(greetingIn(lng));
  });

  it.each(['ru', 'de'] as const)('greets at once in %s when the join carries the language, and only once', async (lng) => {
    const bot = botUnderTest(channelId);
    expect(shown(await bot.send({ ...JOIN, ...CARRIES[channelId](lng) }))).toContain(greetingIn(lng));
    expect(shown(await bot.send({ text: 'macbook', ...CARRIES[channelId](lng) }))).not.toContain(greetingIn(lng));
  });

  it('greets at once in the language chosen earlier in the conversation', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('Русский');
    expect(shown(await bot.send(JOIN))).toContain(greetingIn('ru'));
  });

  it('greets in DEFAULT_LOCALE when neither the join nor the first message carries a language', async () => {
    const bot = botUnderTest(channelId, { defaultLocale: 'de' });
    expect(await bot.send(JOIN)).toEqual([]);
    expect(shown(await bot.say('macbook'))).toContain(greetingIn('de'));
  });
});

describe('the language each channel carries, over activity.locale', () => {
  it.each(CHANNELS)('%s: a German customer is answered in German on the first message', async (channelId) => {
    const bot = botUnderTest(channelId, { template: CARRIES[channelId]('de-DE') });
    if (channelId === 'telegram') expect(shown(await bot.say('/start'))).toContain(greetingIn('de'));
    else expect(shown(await bot.send(JOIN))).toContain(greetingIn('de'));
    expect(shown(await bot.say('macbook'))).toContain(translator.t('de', 'cards.choose'));
  });
});

describe.each(CHANNELS)('a double click on "place order" on %s', (channelId) => {
  it('asks "remember my details?" once, and places one order', async () => {
    const bot = botUnderTest(channelId);
    for (const turn of TO_SUMMARY) {
      if (turn.say !== undefined) await bot.say(turn.say);
      else await bot.press(turn.press!);
    }
    const summary = bot.last;
    const [first, second] = await Promise.all([bot.press('Place order', summary), bot.press('Place order', summary)]);
    const both = shown([...first, ...second]);
    expect(both.split(translator.t('en', 'profile.askConsent'))).toHaveLength(2);
    expect(both).toMatch(/Your order number is 1001[\s\S]*Your order 1001 has already been placed/);
    expect(placedOrders(bot)).toBe(1);
    expect(shown(await bot.press('Yes', first))).toContain(translator.t('en', 'profile.remembered'));
  });
});
