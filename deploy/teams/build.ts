import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { createZip } from '../lib/zip';
import { teamsManifest, type TeamsAppOptions } from './manifest';

const HERE = __dirname;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Teams app package: manifest.json and the two icons at the zip's root, as Teams' uploader expects. */
export function teamsPackage(options: TeamsAppOptions): Buffer {
  const manifest = JSON.stringify(teamsManifest(options), null, 2);
  return createZip([
    { path: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
    { path: 'color.png', data: readFileSync(path.join(HERE, 'color.png')) },
    { path: 'outline.png', data: readFileSync(path.join(HERE, 'outline.png')) },
  ]);
}

/** Reads the options from the environment (and .env); names every missing or malformed one. */
export function optionsFromEnv(env: NodeJS.ProcessEnv): TeamsAppOptions {
  const problems: string[] = [];
  const botId = env.MicrosoftAppId ?? '';
  if (!GUID.test(botId)) problems.push('MicrosoftAppId: the Azure Bot\'s app id (a GUID)');
  const httpsUrl = (name: string) => {
    const value = env[name] ?? '';
    if (!/^https:\/\/[^/]+/.test(value)) problems.push(`${name}: an https URL`);
    return value;
  };
  const shopUrl = httpsUrl('OPENCART_URL');
  const botUrl = httpsUrl('PUBLIC_URL');
  const appId = env.TEAMS_APP_ID;
  if (appId !== undefined && appId !== '' && !GUID.test(appId)) problems.push('TEAMS_APP_ID: a GUID');
  if (problems.length) throw new Error(`Cannot build the Teams package:\n  - ${problems.join('\n  - ')}`);
  return {
    botId,
    appId: appId || undefined,
    version: env.TEAMS_APP_VERSION || '1.0.0',
    shopName: env.SHOP_NAME || new URL(shopUrl).hostname,
    shopUrl,
    botUrl,
  };
}

if (require.main === module) {
  dotenv.config({ quiet: true });
  try {
    const out = path.resolve(process.argv[2] ?? path.join('dist', 'teams', 'opencart-order-bot-teams.zip'));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, teamsPackage(optionsFromEnv(process.env)));
    console.log(`Teams app package: ${out}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
