import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dockerCommand } from './dockerfile';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The flag every start command gives Node: the heap may grow 25 % past what survived its last full collection. */
const HEAP_FLAG = '--heap-growing-percent=25';

describe('the start commands limit the heap growth', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

  it('npm start and npm run start:prod give Node the flag before the script', () => {
    expect(scripts.start).toBe(`tsx ${HEAP_FLAG} src/index.ts`);
    expect(scripts['start:prod']).toBe(`node ${HEAP_FLAG} dist/src/index.js`);
  });

  it('the container and the App Service start the bot as npm run start:prod does', () => {
    expect(dockerCommand(read('deploy/Dockerfile'))).toEqual(scripts['start:prod'].split(' '));
    expect(read('deploy/azure/main.bicep')).toContain(`appCommandLine: '${scripts['start:prod']}'`);
  });

  it('this Node knows the flag (it refuses options it does not know)', () => {
    const known = spawnSync(process.execPath, [HEAP_FLAG, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(known.stderr).toBe('');
    expect(known.status).toBe(0);
    const unknown = spawnSync(process.execPath, ['--heap-growing-percentage=25', '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(unknown.status).not.toBe(0);
  });

  it('tsx hands the flag to the node process that runs the bot', () => {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const child = spawnSync(tsx, [HEAP_FLAG, '-e', 'console.log(JSON.stringify(process.execArgv))'], { encoding: 'utf8', cwd: ROOT });
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout.trim().split('\n').pop() ?? '[]')).toContain(HEAP_FLAG);
  });
});
