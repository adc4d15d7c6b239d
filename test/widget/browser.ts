import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's chromium: test tools cannot download browsers here, so .ci/run installs it with apt. */
export const CHROMIUM = '/usr/bin/chromium';
export const OUTPUT_DIR = path.resolve(__dirname, '..', '..', 'test-output', 'widget');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh browser with an empty profile of its own; fails (never skips) when chromium is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium"`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'widget-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** How long one answer of the bot may take on a busy 2-core machine; generous on purpose. */
const ANSWER_MS = 60_000;

/** How long after a form's Continue the card is checked for having refused it (the bot answers in well under this). */
const CARD_CHECK_MS = 5_000;

/** An input's accessible name: its label, then (once the card refused it) the reason, e.g. "City Please fill this in." */
function labelled(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|\\s)`);
}

/** Lines of browser traffic kept for a failure's message: the newest, so a long chat costs no more. */
const TRAFFIC_LINES = 60;
const STATIC = /\.(?:js|css|png|jpe?g|svg|ico|woff2?)(?:\?|$)|^blob:/;

function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** Each activity of a stream frame in a few words: who, what, and its text or card action. */
function frameSummary(payload: string): string {
  try {
    const { activities } = JSON.parse(payload) as { activities?: Record<string, any>[] };
    return (activities ?? [])
      .map((a) => {
        const cards = a.attachments?.length ? ` [${a.attachments.length} attachment(s)]` : '';
        const action = a.value?.oc ? ` ${JSON.stringify(a.value.oc)}` : '';
        return `${a.from?.role} ${a.type}${a.name ? ` ${a.name}` : ''} ${String(a.text ?? '').slice(0, 50)}${cards}${action}`;
      })
      .join(' | ');
  } catch {
    return payload.slice(0, 120);
  }
}

/**
 * What the page did, newest last: Direct Line requests and their status, failed requests, WebSocket
 * frames and closes, console errors. A timed-out wait shows it, so a failure on a CI machine explains itself.
 */
function recordTraffic(page: Page): string[] {
  const lines: string[] = [];
  const started = Date.now();
  const add = (line: string) => {
    lines.push(`+${Date.now() - started} ms ${line.slice(0, 400)}`);
    if (lines.length > TRAFFIC_LINES) lines.shift();
  };
  page.on('response', (answer) => {
    if (answer.status() >= 400 || !STATIC.test(answer.url())) add(`${answer.status()} ${answer.request().method()} ${pathOf(answer.url())}`);
  });
  page.on('requestfailed', (request) => add(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') add(`console ${message.type()}: ${message.text()}`);
  });
  page.on('websocket', (socket) => {
    add('websocket opened');
    socket.on('framereceived', (frame) => add(`frame: ${frameSummary(String(frame.payload))}`));
    socket.on('close', () => add('websocket closed'));
  });
  return lines;
}

/** The widget on a shop page, driven as a customer would: launcher, send box, card buttons. */
export class WidgetPage {
  private readonly traffic: string[];

  /** `serverLog` gives the bot's newest log lines, shown with the traffic when an answer does not come. */
  constructor(readonly page: Page, private readonly serverLog: () => string[] = () => []) {
    this.traffic = recordTraffic(page);
  }

  private get activities(): Locator {
    return this.page.locator('.webchat__basic-transcript__activity');
  }

  private get newestCardElement(): Locator {
    return this.page.locator('.ac-adaptiveCard').last();
  }

  launcher(): Locator {
    return this.page.locator('.ocob-launcher');
  }

  /** Opens the chat with the launcher, by keyboard as a customer without a mouse would. */
  async open(): Promise<void> {
    await this.launcher().focus();
    await this.page.keyboard.press('Enter');
    await this.page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: ANSWER_MS });
  }

  /** Waits until an activity shown from index `from` on matches. */
  async waitForText(pattern: RegExp, from = 0): Promise<void> {
    const deadline = Date.now() + ANSWER_MS;
    for (;;) {
      const texts = await this.activities.allInnerTexts();
      if (texts.slice(from).some((text) => pattern.test(text))) return;
      if (Date.now() > deadline) throw new Error(this.timedOut(pattern, texts.slice(from), await this.newestCard()));
      await this.page.waitForTimeout(200);
    }
  }

  /** The newest card's text and its inputs' values: a form the card itself refused to send shows why. */
  private async newestCard(): Promise<string> {
    const card = this.newestCardElement;
    if ((await card.count()) === 0) return '(no card)';
    const values = await card.locator('input, select, textarea').evaluateAll((inputs) =>
      inputs.map((input) => `${input.getAttribute('aria-label') ?? input.id}=${JSON.stringify((input as unknown as { value: string }).value)}`),
    );
    // Its text without the options of its choices (a country list is long), so a validation message stands out.
    const text = await card.evaluate((element) => {
      const copy = element.cloneNode(true) as typeof element;
      for (const option of copy.querySelectorAll('option')) option.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    return `${text}\ninputs: ${values.join(', ')}`;
  }

  private timedOut(pattern: RegExp, shown: string[], newestCard: string): string {
    return [
      `no ${pattern} in the chat; it shows ${shown.length} newer activities:`,
      shown.join('\n---\n'),
      `the newest card:`,
      newestCard,
      `the page's traffic, newest last:`,
      ...this.traffic,
      `the bot's log, newest last:`,
      ...this.serverLog().slice(-TRAFFIC_LINES).map((line) => line.slice(0, 300)),
    ].join('\n');
  }

  async say(text: string, then: RegExp): Promise<void> {
    const from = await this.activities.count();
    const box = this.page.locator('[data-id="webchat-sendbox-input"]');
    await box.fill(text);
    await box.press('Enter');
    await this.waitForText(then, from);
  }

  /** Clicks the newest button of that name (older cards keep theirs: Direct Line cannot update messages). */
  async click(name: RegExp, then: RegExp): Promise<void> {
    const from = await this.activities.count();
    await this.page.getByRole('button', { name }).last().click();
    await this.waitForText(then, from);
  }

  /**
   * Fills the newest Adaptive Card form as a customer would: each input found by its label (a choice by its
   * shown title), then the form's own Continue button. A card does not send a form with a required field
   * empty: it shows "Please fill this in" and nothing reaches the bot. When that happens although every field
   * was filled (the card lost a value on a page that had just loaded), it is said on the console, with the
   * values the card held, and the form is filled and sent once more, as a customer would.
   */
  async submitForm(values: Record<string, string>, choices: Record<string, string>, then: RegExp): Promise<void> {
    const form = this.newestCardElement;
    const from = await this.activities.count();
    await this.fillAndContinue(form, values, choices);
    if (await this.refusedByCard(form, from)) {
      console.warn(`the card refused its form although it was filled; it held:\n${await this.newestCard()}`);
      await this.fillAndContinue(form, values, choices);
    }
    await this.waitForText(then, from);
  }

  private async fillAndContinue(form: Locator, values: Record<string, string>, choices: Record<string, string>): Promise<void> {
    for (const [label, choice] of Object.entries(choices)) {
      await form.getByRole('combobox', { name: labelled(label) }).selectOption({ label: choice });
    }
    for (const [label, value] of Object.entries(values)) {
      await form.getByRole('textbox', { name: labelled(label) }).fill(value);
    }
    await form.getByRole('button', { name: /^continue$/i }).click();
  }

  /** True when, a few seconds after Continue, nothing new is shown and the card marks a field as failed. */
  private async refusedByCard(form: Locator, from: number): Promise<boolean> {
    const deadline = Date.now() + CARD_CHECK_MS;
    while (Date.now() < deadline) {
      if ((await this.activities.count()) > from) return false;
      await this.page.waitForTimeout(200);
    }
    return (await form.locator('.ac-input-validation-failed').count()) > 0;
  }

  async transcript(): Promise<string> {
    return (await this.activities.allInnerTexts()).join('\n---\n');
  }

  /** What the widget keeps for this tab. */
  async session(): Promise<{ token?: string; conversationId?: string; open?: boolean }> {
    // A string, as the page's own code: the project's types have no DOM.
    const saved = await this.page.evaluate(`(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('opencart-order-bot:'));
      return key ? sessionStorage.getItem(key) : null;
    })()`);
    return typeof saved === 'string' ? JSON.parse(saved) : {};
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const file = path.join(OUTPUT_DIR, name);
    await this.page.locator('#ocob-panel').screenshot({ path: file });
    return file;
  }
}

/** The demo store's own record of an order, read through its API as the shop's back office would. */
export async function orderInStore(storeUrl: string, apiKey: string, orderId: string): Promise<Record<string, unknown>> {
  const login = await fetch(`${storeUrl}index.php?route=api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'Default', key: apiKey }),
  });
  const { api_token: token } = (await login.json()) as { api_token?: string };
  if (!token) throw new Error('the demo store refused the API login');
  const info = await fetch(`${storeUrl}index.php?route=api/order/info&api_token=${token}&order_id=${orderId}`, { method: 'POST' });
  const body = (await info.json()) as { order?: Record<string, unknown> };
  if (!body.order) throw new Error(`no order ${orderId} in the demo store`);
  return body.order;
}

/** The demo store's URL as the bot logged it at start. */
export function storeUrlFromLog(lines: string[]): string {
  for (const line of lines) {
    const match = /"url":"(http:\/\/127\.0\.0\.1:\d+\/)","msg":"no OPENCART_URL set/.exec(line);
    if (match?.[1]) return match[1];
  }
  throw new Error('the bot did not log the demo store URL');
}
