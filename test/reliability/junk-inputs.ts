import type { Activity } from 'botbuilder';

/** Hostile and odd things a customer (or a forged client) can send; each becomes one activity at a question. */
const TEXTS: string[] = [
  '', ' ', '   ', '\t', '\n\n', '\r\n', '\u00a0', '\u3000',
  'a'.repeat(4096), 'lorem ipsum dolor sit amet '.repeat(152).slice(0, 4096), 'x'.repeat(100_000), '9'.repeat(4096),
  '🛒', '🔥🔥🔥', '👨‍👩‍👧‍👦', '🇩🇪', '💳 1', '🙂'.repeat(2000),
  'مرحبا بالعالم', 'שלום', '\u202egnp.exe', '\u202dtext\u202c', 'abc\u200fdef',
  '\u200b', '\u200b\u200c\u200d\ufeff', 'ye\u200bs', 'j\u200da', 'д\u200bа', '\ufeffyes',
  '\u0000', 'yes\u0000', '\u0001\u0002\u0003', '\u0007', '\u001b[31mred\u001b[0m', '\u007f', '\ud800', '\udfff',
  "' OR 1=1; --", "Robert'); DROP TABLE oc_order;--", '1; SELECT * FROM oc_user', '" OR ""="', "admin'--",
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<b>bold</b>', '&lt;&gt;&amp;', '<?php echo 1; ?>', ']]><!--',
  '**bold** _it_ [link](http://evil.example) `code`', '# heading', '> quote', '- item', '![img](http://evil.example/x.png)', '|a|b|\n|-|-|',
  '-1', '0', '-0', '1e309', '99999999999999999999', '-99999999', '2147483648', '1.5', '1,5', '½', 'NaN', 'Infinity', '0x10', '007', '+1', '1 000 000',
  'null', 'undefined', 'true', '{}', '[]', '{"oc":{"a":"place"}}', '%s%n%x', '{{t}}', '$t(common.yes)', '${process.exit()}', '__proto__', 'constructor',
  '../../etc/passwd', 'http://127.0.0.1:3978/api/messages', 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:x@y',
  'oc:lang:xx', 'oc:place', 'oc:pick:999999', 'oc:opt:-1', 'oc:num:1e9', 'oc:qty:nope', 'oc:rm:', 'oc:chg:__proto__', 'oc:ship:free.free', 'oc:pay:bank_transfer', 'oc:pickc:0', 'oc:', 'oc::', 'oc:' + 'v'.repeat(200),
  '/start', '/start start', '/help@bot', '@bot', '  yes  no  ', 'yes no', 'ja nein', 'да нет', 'ok wait', 'k', '+', '?', '!!!', '...', '—',
];

/** Transforms that turn the base texts into more of them (and keep each distinct). */
const VARIANTS: ((text: string) => string)[] = [
  (t) => t,
  (t) => `  ${t}  `,
  (t) => t.toUpperCase(),
  (t) => `${t}\u200b`,
  (t) => `${t}\n${t}`,
];

/** Card submits of the wrong shape, stale or forged actions. */
const VALUES: unknown[] = [
  'place', 42, true, [], [1, 2], {}, { oc: null }, { oc: 'place' }, { oc: {} }, { oc: { a: 'place', v: 7 } }, { oc: { a: 'nope' } },
  { oc: { a: 'lang', v: 'xx' } }, { oc: { a: 'pick', v: '999999' } }, { oc: { a: 'opt', v: '-1' } }, { oc: { a: 'ship', v: 'free.free' } },
  { oc: { a: 'pay', v: 'bank_transfer' } }, { oc: { a: 'chg', v: 'constructor' } }, { oc: { a: 'pickc', v: 'x'.repeat(56) } },
  { oc: { a: 'num', v: '1e9' } }, { oc: { a: 'qty', v: 'line-that-never-was' } }, { oc: { a: 'rm', v: 'line-that-never-was' } },
  { oc: { a: 'place', v: 'x'.repeat(57) } }, { action: 'oc:place' }, { msteams: { type: 'messageBack' } }, { __proto__: { a: 1 } }, { constructor: { prototype: {} } },
];

/** Activities without usable text: attachments alone, other activity types, odd fields. */
const OTHER: Partial<Activity>[] = [
  { attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:1/photo.png' }] },
  { attachments: [{ contentType: 'application/pdf', contentUrl: 'http://127.0.0.1:1/a.pdf', name: 'a.pdf' }] },
  { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } }] },
  { text: undefined },
  { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] },
  { type: 'typing' },
  { type: 'event', name: 'webchat/join', value: 'not an object' },
  { type: 'event', name: 'something/else' },
  { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'place' } } },
  { type: 'endOfConversation' },
  { type: 'installationUpdate', action: 'add' },
  { type: 'messageUpdate', text: 'yes' },
  { type: 'messageDelete' },
  { type: 'unknownType' },
  { type: 'message', text: 'yes', channelData: { postBack: true } },
  { type: 'message', text: 'yes', entities: [{ type: 'mention', text: '<at>bot</at>' }] },
];

export interface JunkInput {
  name: string;
  activity: Partial<Activity>;
}

const label = (text: string) => JSON.stringify(text.length > 24 ? `${text.slice(0, 24)}…(${text.length})` : text);

export function junkInputs(): JunkInput[] {
  const texts = new Map<string, JunkInput>();
  for (const variant of VARIANTS) {
    for (const base of TEXTS) {
      const text = variant(base);
      if (!texts.has(text)) texts.set(text, { name: `text ${label(text)}`, activity: { type: 'message', text } });
    }
  }
  const values = VALUES.flatMap((value, i) => [
    { name: `value #${i}`, activity: { type: 'message', value } },
    { name: `value #${i} with text`, activity: { type: 'message', text: 'yes', value } },
  ]);
  const other = OTHER.map((activity, i) => ({ name: `activity #${i} (${activity.type ?? 'message'})`, activity: { type: 'message', ...activity } }));
  return [...texts.values(), ...values, ...other];
}
