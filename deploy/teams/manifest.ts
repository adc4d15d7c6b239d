/** The Teams app package's manifest (schema v1.30): a personal-scope bot with the bot's anytime commands. */
export const MANIFEST_VERSION = '1.30';

export interface TeamsAppOptions {
  /** The Azure Bot's Microsoft App ID (a GUID). */
  botId: string;
  /** The Teams app's own id; the bot id unless given. */
  appId?: string;
  /** The app's version, x.y.z. */
  version: string;
  /** The shop's name as customers know it, at most 30 characters. */
  shopName: string;
  /** The shop's storefront (https), for the developer links and valid domains. */
  shopUrl: string;
  /** The bot's public base URL (https). */
  botUrl: string;
}

/** Commands shown in Teams' command menu; each is a text the bot understands at any time (locales/en/commands.json). */
const COMMANDS = [
  { title: 'help', description: 'What you can ask for' },
  { title: 'cart', description: 'Show your cart' },
  { title: 'checkout', description: 'Go on to the order' },
  { title: 'change my address', description: 'Change the billing address' },
  { title: 'language', description: 'Switch language (English, Deutsch, Русский)' },
  { title: 'start over', description: 'Clear the order and begin again' },
  { title: 'forget me', description: 'Delete your saved details' },
];

export function teamsManifest(options: TeamsAppOptions): Record<string, unknown> {
  const shop = new URL(options.shopUrl);
  const bot = new URL(options.botUrl);
  const name = options.shopName.slice(0, 30);
  return {
    $schema: `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: options.version,
    id: options.appId ?? options.botId,
    developer: {
      name,
      websiteUrl: shop.origin,
      privacyUrl: new URL('index.php?route=information/information&information_id=3', shop).href,
      termsOfUseUrl: new URL('index.php?route=information/information&information_id=5', shop).href,
    },
    name: { short: name, full: `${name} order assistant`.slice(0, 100) },
    description: {
      short: `Order from ${name} in a chat`.slice(0, 80),
      full:
        `Tell the assistant what you are looking for: it finds the products, asks for the options, your details and ` +
        `the address, offers the shop's shipping and payment methods, shows the totals and places the order with ${name}.`,
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#1F6FB2',
    bots: [
      {
        botId: options.botId,
        scopes: ['personal'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [{ scopes: ['personal'], commands: COMMANDS }],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [...new Set([shop.host, bot.host])],
  };
}
