import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createZip, type ZipEntry } from '../lib/zip';

/** The package's sources: install.xml and the upload/ tree OpenCart copies into the shop. */
export const PACKAGE_DIR = join(__dirname, 'package');
export const ZIP_NAME = 'opencart-order-bot.ocmod.zip';
const DEFAULT_OUT_DIR = resolve(__dirname, '..', '..', 'dist');
/** Shown in Extensions > Modifications when package.json names no homepage. */
const FALLBACK_LINK = 'https://www.opencart.com/';

interface PackageJson {
  version: string;
  homepage?: string;
}

async function readPackageJson(): Promise<PackageJson> {
  const text = await readFile(resolve(__dirname, '..', '..', 'package.json'), 'utf8');
  const parsed: unknown = JSON.parse(text);
  const { version, homepage } = parsed as Record<string, unknown>;
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return { version, homepage: typeof homepage === 'string' ? homepage : undefined };
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) found.push(...(await filesUnder(path)));
    else if (item.isFile()) found.push(path);
  }
  return found;
}

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** install.xml with the bot's version and link filled in. */
export async function installXml(): Promise<string> {
  const pkg = await readPackageJson();
  const template = await readFile(join(PACKAGE_DIR, 'install.xml'), 'utf8');
  return template
    .replace('{{version}}', escapeXmlText(pkg.version))
    .replace('{{link}}', escapeXmlText(pkg.homepage ?? FALLBACK_LINK));
}

/** The archive's entries: install.xml first, then upload/… sorted, so the same sources give the same zip. */
export async function ocmodEntries(): Promise<ZipEntry[]> {
  const uploads = (await filesUnder(join(PACKAGE_DIR, 'upload'))).sort();
  const entries: ZipEntry[] = [{ path: 'install.xml', data: Buffer.from(await installXml(), 'utf8') }];
  for (const file of uploads) {
    entries.push({ path: relative(PACKAGE_DIR, file).split(sep).join('/'), data: await readFile(file) });
  }
  return entries;
}

/** Writes the OCMOD zip (for Extensions > Installer) and returns its path and size. */
export async function buildOcmod(outDir = DEFAULT_OUT_DIR): Promise<{ file: string; bytes: number; entries: number }> {
  const entries = await ocmodEntries();
  const zip = createZip(entries);
  const file = join(outDir, ZIP_NAME);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, zip);
  return { file, bytes: zip.length, entries: entries.length };
}

if (require.main === module) {
  buildOcmod(process.argv[2] ? resolve(process.argv[2]) : undefined)
    .then(({ file, bytes, entries }) => console.log(`${file}: ${entries} files, ${bytes} bytes`))
    .catch((error: unknown) => {
      console.error('build:ocmod failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
