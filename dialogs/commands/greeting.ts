import type { Activity, TurnContext } from 'botbuilder';
import { choiceCard } from '../../src/cards';
import { cardActivity, translate, type DialogDeps } from '../turn';

/** First contact: what the bot can do, in the customer's language, with a way in for those without words. */
export function greetingActivity(ctx: TurnContext, deps: DialogDeps): Partial<Activity> {
  const t = translate(ctx, deps.translator);
  const card = choiceCard({
    title: t('greeting.title'),
    text: t('greeting.body'),
    choices: [{ title: t('cards.browseCategories'), action: { a: 'cats' } }],
  });
  return cardActivity(ctx, card);
}
