import type { Activity } from 'botbuilder';
import { createOrderBot } from '../../src/bot';
import { createChannelActivityFactory } from '../../src/server/local-channel/channel-activities';
import { renderActivities, type RenderedTurn } from '../../src/server/local-channel/card-text';
import { call, StreamReader } from '../directline/harness';
import { APPLE_CINEMA_ANSWERS, questionOf } from './apple-cinema';
import { PNG_1X1 } from './file-server';
import { startShop, type Shop } from './harness';

/** What a turn ends with: the next question, the quantity question, the cart, or a refusal to look at. */
const TURN_END = /choose|enter|attach|How many|Added|sorry|couldn't|could not/i;

/** `npm start`'s composition in process: Web Chat's Direct Line calls, the paperclip's upload, the demo store. */
describe('Apple Cinema 30" through the Direct Line stand-in, its file uploaded with the paperclip', () => {
  let shop: Shop;
  let stream: StreamReader;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(async () => {
    await stream?.close();
    await shop.close();
  });

  it('takes the uploaded file for the required file option and adds the monitor to the cart', async () => {
    const dl = `${shop.app.server.url}/v3/directline`;
    const { body: c } = await call<{ conversationId: string; token: string; streamUrl: string }>(`${dl}/conversations`, { method: 'POST' });
    stream = await StreamReader.open(c.streamUrl);
    // Web Chat's activities, as the local channel makes them (button values included); the stand-in sets the rest.
    const factory = createChannelActivityFactory({ channel: 'webchat', locale: 'en-US', serviceUrl: dl, conversationKey: 'dl-upload' });
    const asClient = ({ type, text, value, locale }: Partial<Activity>) => ({ type, text, value, locale });

    /** The bot's answers to a posted activity, up to the one that ends the turn. */
    const answersTo = async (id: string): Promise<RenderedTurn> => {
      const last = await stream.waitFor((a) => a.replyToId === id && TURN_END.test(renderActivities([a as Partial<Activity>]).lines.join('\n')));
      const replies = stream.activities.filter((a) => a.replyToId === id);
      return renderActivities(replies.slice(0, replies.indexOf(last) + 1) as Partial<Activity>[]);
    };
    const post = async (activity: Partial<Activity>) => {
      const answer = await call<{ id: string }>(`${dl}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: asClient(activity) });
      expect(answer.status).toBe(200);
      return answersTo(answer.body.id);
    };
    const say = (text: string) => post(factory.text(text));
    const click = (turn: RenderedTurn, label: RegExp) => {
      const button = turn.buttons.find((b) => label.test(b.label));
      if (!button) throw new Error(`no button ${String(label)} in: ${turn.lines.join('\n')}`);
      return post(factory.click(button) ?? {});
    };
    const uploadFile = async () => {
      const form = new FormData();
      const activity = { type: 'message', text: '', locale: 'en-US', attachments: [{ contentType: 'image/png', name: 'artwork.png' }] };
      form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
      form.append('file', new Blob([PNG_1X1], { type: 'image/png' }), 'artwork.png');
      const answer = await fetch(`${dl}/conversations/${c.conversationId}/upload?userId=dl_x`, { method: 'POST', headers: { authorization: `Bearer ${c.token}` }, body: form });
      expect(answer.status).toBe(200);
      return answersTo(((await answer.json()) as { id: string }).id);
    };
    const text = (turn: RenderedTurn) => turn.lines.filter((line) => line !== '… typing').join('\n');

    let turn = await say('apple cinema');
    if (turn.buttons.some((b) => /^choose$/i.test(b.label))) turn = await click(turn, /^choose$/i);
    const transcript = [text(turn)];
    for (let asked = 0; !/How many/.test(text(turn)) && asked < 20; asked++) {
      const question = questionOf(text(turn));
      if (/attach the file/i.test(question)) {
        turn = await uploadFile();
      } else if (/Checkbox/.test(question) && /Chosen: Checkbox 1/.test(text(turn))) {
        turn = await click(turn, /^done$/i);
      } else {
        const answer = APPLE_CINEMA_ANSWERS.find(([name]) => name.test(question))?.[1];
        if (!answer) throw new Error(`no answer for: ${text(turn)}`);
        turn = typeof answer === 'string' ? await say(answer) : await click(turn, answer);
      }
      transcript.push(text(turn));
    }
    turn = await say('2');
    transcript.push(text(turn));
    if (process.env.E2E_SHOW) console.log(transcript.join('\n---\n'));

    expect(transcript.join('\n')).toContain('Got it: artwork.png for File.');
    expect(text(turn)).toMatch(/Added 2 × Apple Cinema 30/);
    const upload = stream.activities.find((a) => Array.isArray(a.attachments) && (a.attachments as { name?: string }[])[0]?.name === 'artwork.png');
    expect(upload).toMatchObject({ from: { role: 'user' }, attachments: [{ contentType: 'image/png', contentUrl: expect.stringContaining('/v3/directline/attachments/') }] });
  });
});
