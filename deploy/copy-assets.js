// After tsc: the files the compiled bot reads at run time besides JavaScript (locales, the widget's browser script).
const { cpSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
cpSync(join(root, 'locales'), join(root, 'dist', 'locales'), { recursive: true });

function copyNonTypeScript(dir) {
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) copyNonTypeScript(rel);
    else if (!name.endsWith('.ts')) cpSync(join(root, rel), join(root, 'dist', rel));
  }
}
copyNonTypeScript('src');
copyNonTypeScript('dialogs');
