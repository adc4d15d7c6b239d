import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ShopContact } from '../types';
import { cleanText, loadPage } from './markup';

/** One `<strong>label</strong>` of a column and the lines after it, up to the next label. */
interface Section {
  label: string;
  lines: string[];
}

/** The longest line and the most lines kept of any one field: a store's text, but the page is not ours. */
const MAX_LINE = 200;
const MAX_LINES = 10;

/** Labels of the comment section in the store languages we know; any other label in that column is the opening times. */
const COMMENT_LABELS = new Set(['comments', 'comment', 'kommentar', 'kommentare', 'комментарий', 'комментарии']);

/** Text of a column split at `<br>` and at `<strong>` labels, in document order (one pass over the nodes). */
function sectionsOf($: CheerioAPI, column: Cheerio<Element>): Section[] {
  const sections: Section[] = [];
  let current: Section = { label: '', lines: [] };
  let line = '';
  const endLine = () => {
    const text = cleanText(line);
    if (text && current.lines.length < MAX_LINES) current.lines.push(text.slice(0, MAX_LINE));
    line = '';
  };
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') line += node.data;
      else if (node.type !== 'tag') continue;
      else if (node.name === 'br') endLine();
      else if (node.name === 'strong' || node.name === 'b') {
        endLine();
        if (current.label || current.lines.length) sections.push(current);
        current = { label: cleanText($(node).text()), lines: [] };
      } else if (node.name === 'a' && $(node).hasClass('btn')) continue; // the map button
      else {
        const block = node.name === 'address' || node.name === 'div' || node.name === 'p';
        if (block) endLine();
        walk(node.children);
        if (block) endLine();
      }
    }
  };
  walk(column.contents().toArray());
  endLine();
  if (current.label || current.lines.length) sections.push(current);
  return sections;
}

function first(section: Section | undefined): string | null {
  return section?.lines.join(' ') || null;
}

/**
 * information/contact of the default theme (OpenCart 3.0): in `#content .panel-body > .row`, one column with the
 * store name (strong) and its `<address>`, then one with the telephone (and the fax when set), then one with the
 * opening times and the comment when set; an image column may come first. Columns are found by their place, not
 * their labels (those are in the store's language). The e-mail is taken from a `mailto:` link where the theme shows
 * one (the default theme does not); the contact form's action is where the customer can write to the shop.
 * null when the page has no such panel (not a contact page).
 */
export function parseContactPage(html: string): ShopContact | null {
  const $ = loadPage(html);
  const content = $('#content').first();
  const columns = content.find('.panel-body .row').first().children('div').toArray();
  const at = columns.findIndex((column) => $(column).find('address').length > 0);
  if (at < 0) return null;
  const [place, phones, hours] = [columns[at], columns[at + 1], columns[at + 2]].map((column) => (column ? sectionsOf($, $(column)) : []));
  const openSection = hours.find((section) => !COMMENT_LABELS.has(section.label.toLowerCase()));
  const commentSection = hours.find((section) => COMMENT_LABELS.has(section.label.toLowerCase()));
  const mailto = content.find('a[href^="mailto:"]').first().attr('href');
  const email = mailto ? cleanText(decodeURIComponent(mailto.slice('mailto:'.length).split('?')[0] ?? '')).slice(0, 96) : '';
  const formAction = content.find('form[action*="information/contact"]').first().attr('action');
  return {
    storeName: place[0]?.label || null,
    address: place.flatMap((section) => section.lines),
    telephone: first(phones[0]),
    fax: first(phones[1]),
    email: email || null,
    openingTimes: openSection?.lines ?? [],
    comment: commentSection?.lines ?? [],
    pageUrl: formAction ? formAction.replace(/&amp;/g, '&') : null,
  };
}
