import type { StorefrontUploader } from '../../src/catalog/upload';
import { ADD_MACBOOK, dialogTable } from './table';

/** An uploader the search never calls (the file is only asked for here); uploads themselves: checkbox-and-file-options.test.ts. */
const NO_UPLOAD_YET: StorefrontUploader = {
  upload: () => Promise.reject(new Error('no file was sent in this test')),
};

dialogTable('finding products', [
  { name: 'a free-text search shows cards with price and choose buttons', turns: [{ say: 'macbook', expect: ['I found 3 products for "macbook"', 'MacBook Pro', '$2,000.00', '[Choose]'] }] },
  { name: 'nothing found says so and asks again', turns: [{ say: 'unicorn saddle', expect: ['I found nothing for "unicorn saddle"', 'What are you looking for?', '[Browse categories]'] }] },
  {
    name: '"more results" pages, and says when there is nothing more',
    turns: [
      { say: 'canon macbook sony hp ipod', expect: ['I found 7 products', '[More results]'], not: ['iPod Classic'] },
      { press: 'More results', expect: ['iPod Classic'], not: ['[More results]'] },
      { press: 'More results', pressFrom: 0, expect: ['That was everything I found.'] },
    ],
  },
  {
    name: 'typing "more" pages too',
    turns: [
      { say: 'canon macbook sony hp ipod', not: ['iPod Classic'] },
      { say: 'more', expect: ['iPod Classic'] },
    ],
  },
  { name: 'a typed number picks from the list', turns: [{ say: 'macbook' }, { say: '2', expect: ['How many MacBook Air would you like?'] }] },
  {
    name: 'a number that names no product of the list is said so, not searched, and the list stays',
    turns: [
      { say: 'macbook', expect: ['I found 3 products'] },
      { say: '7', expect: ['There is no product 7 in this list', '(1–3)', 'MacBook Pro', '[Choose]'], not: ['I found nothing'] },
      { say: '0', expect: ['There is no product 0 in this list'] },
      { say: '3', expect: ['How many MacBook Pro would you like?'] },
    ],
  },
  { name: 'new words search again', turns: [{ say: 'macbook' }, { say: 'canon', expect: ['Canon EOS 5D'] }] },
  {
    name: 'browsing categories reaches a product',
    turns: [
      { say: 'hello there', expect: ['I can take your order', '[Browse categories]'], not: ['I found nothing'] }, // small talk, not a search (issue #10)
      { press: 'Browse categories', expect: ['Desktops', 'Cameras'] },
      { press: 'Desktops', expect: ['[Mac]', 'MacBook'] },
      { press: 'Mac', expect: ['MacBook Pro'] },
      { press: 'Choose', expect: ['How many MacBook would you like?'] },
    ],
  },
  { name: 'a product that is out of stock is said plainly', turns: [{ say: 'samsung' }, { press: 'Choose', expect: ['Samsung Galaxy Tab is out of stock', 'What are you looking for?'] }] },
  {
    name: 'a product needing a file upload is explained, not failed, when no uploader is wired',
    turns: [{ say: 'apple cinema', expect: ['needs a file upload', 'order this product on our website', 'What are you looking for?'] }],
  },
  {
    name: 'with an uploader wired, the file is asked in the chat instead',
    options: { uploader: NO_UPLOAD_YET },
    turns: [{ say: 'apple cinema', expect: ['Please attach the file for File', 'at most 2 MB'], not: ['needs a file upload', 'on our website'] }],
  },
]);

dialogTable('product options and quantity', [
  {
    name: 'a required choice is asked, by button or name; wrong words are refused',
    turns: [
      { say: 'canon' },
      { press: 'Choose', expect: ['Please choose Select', '[Red (+$4.80)]', '[Blue]'], not: ['[Skip]'] },
      { say: 'green', expect: ['Please choose one of the values for Select'] },
      { say: 'blue', expect: ['How many Canon EOS 5D'] },
      { say: 'lots', expect: ['Please type the quantity as a number'] },
      { say: '0', expect: ['The minimum quantity is 1.'] },
      { say: '3', expect: ['Added 3 × Canon EOS 5D', 'Select: Blue'] },
    ],
  },
  {
    name: 'a value typed in the customer\'s language or with a typo is understood',
    turns: [
      { say: 'canon' },
      { press: 'Choose', expect: ['Please choose Select'] },
      { say: 'rot', expect: ['How many Canon EOS 5D'] },
      { say: '1', expect: ['Select: Red'] },
      { say: 'canon' },
      { press: 'Choose', expect: ['Please choose Select'] },
      { say: 'синий', expect: ['How many Canon EOS 5D'] },
      { say: '1', expect: ['Select: Blue'] },
      { say: 'canon' },
      { press: 'Choose', expect: ['Please choose Select'] },
      { say: 'grün', expect: ['Please choose one of the values for Select'] },
      { say: 'bluue', expect: ['How many Canon EOS 5D'] },
    ],
  },
  {
    name: 'values named in the text are taken without asking',
    // The product and its option named in one sentence: straight on, no 'Choose' (issue #10).
    turns: [{ say: '2 red canon', expect: ['Added 2 × Canon EOS 5D', 'Select: Red'], not: ['Please choose Select', '[Choose]'] }],
  },
  {
    name: 'a date option is validated; a long product name still gets a button; the minimum is respected',
    turns: [
      { say: 'hp' , expect: ['HP LP3065 with a very long product name that does not fit a button', '[Choose]'] },
      { press: 'Choose', expect: ['Please enter Delivery Date as a date'] },
      { say: 'next tuesday', expect: ['Please type a date like 2026-03-31.'] },
      { say: '2026-03-31', expect: ['The minimum is 2.'] },
      { say: '1', expect: ['The minimum quantity is 2.'] },
      { press: '2', pressFrom: 3, expect: ['Added 2 × HP LP3065', 'Delivery Date: 2026-03-31'] },
    ],
  },
  {
    name: 'an optional text option can be skipped',
    turns: [{ say: 'ipod' }, { press: 'Choose', expect: ['Please enter Engraving.', '[Skip]'] }, { press: 'Skip', expect: ['How many iPod Classic'] }],
  },
  {
    name: 'a stock problem is said plainly and nothing is lost',
    turns: [
      { say: 'macbook', act: (bot) => Object.assign(bot.checkout, { stockLimit: 5 }) },
      { press: 'Choose' },
      { say: '10', expect: ['not in stock in the quantity you want', 'What are you looking for?'] },
    ],
  },
  { name: 'the cart shows after adding', turns: ADD_MACBOOK },
]);
