import type { TurnContext } from 'botbuilder';
import { turnLog } from '../../src/log';
import type { ShopContact } from '../../src/catalog/types';
import { isShopUnreachable } from '../../src/bot/shop-errors';
import type { Translate } from '../../src/cards';
import { localeOf, translate, type DialogDeps } from '../turn';

/** The shop's contact details as lines of text in the customer's language (the store's own words for the values). */
export function contactLines(contact: ShopContact | null, t: Translate): string[] {
  if (!contact) return [t('smalltalk.contactNone')];
  const lines = [contact.storeName ? t('smalltalk.contactIntro', { store: contact.storeName }) : t('smalltalk.contactIntroShop')];
  const add = (key: string, value: string | null) => {
    if (value) lines.push(t(key, { value }));
  };
  add('smalltalk.contactTelephone', contact.telephone);
  add('smalltalk.contactFax', contact.fax);
  add('smalltalk.contactEmail', contact.email);
  add('smalltalk.contactAddress', contact.address.join(', ') || null);
  add('smalltalk.contactHours', contact.openingTimes.join('; ') || null);
  add('smalltalk.contactComment', contact.comment.join(' ') || null);
  if (contact.pageUrl) lines.push(t('smalltalk.contactPage', { url: contact.pageUrl }));
  const details = contact.telephone || contact.email || contact.address.length > 0 || contact.pageUrl;
  return details ? lines : [t('smalltalk.contactNone')];
}

/**
 * "Talk to a person": the shop's contact details read from its information/contact page, in the customer's language.
 * The shop not answering is said so; nothing of the order is touched either way.
 */
export async function answerHandoff(ctx: TurnContext, deps: DialogDeps): Promise<void> {
  const t = translate(ctx, deps.translator);
  let contact: ShopContact | null;
  try {
    contact = await deps.catalog.contact({ language: localeOf(ctx) });
  } catch (error) {
    if (!isShopUnreachable(error)) throw error;
    turnLog(ctx, deps.logger).warn({ err: (error as Error).name }, 'contact page not reachable');
    await ctx.sendActivity(t('smalltalk.contactUnavailable'));
    return;
  }
  await ctx.sendActivity(contactLines(contact, t).join('\n'));
}
