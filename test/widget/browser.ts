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

/** The widget on a shop page, driven as a customer would: launcher, send box, card buttons. */
export class WidgetPage {
  constructor(readonly page: Page) {}

  private get activities(): Locator {
    return this.page.locator('.webchat__basic-transcript__activity');
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
      if (Date.now() > deadline) throw new Error(`no ${pattern} in the chat; it shows:\n${texts.slice(from).join('\n---\n')}`);
      await this.page.waitForTimeout(200);
    }
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
