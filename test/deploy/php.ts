import { spawnSync } from 'node:child_process';

/** Whether a PHP CLI is on this machine (.ci/run does not install one; the PHP checks run where it is). */
export const phpVersion: string | undefined = (() => {
  const probe = spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
})();

export function phpHasExtension(name: string): boolean {
  if (!phpVersion) return false;
  const probe = spawnSync('php', ['-r', `echo extension_loaded(${JSON.stringify(name)}) ? 'yes' : 'no';`], { encoding: 'utf8' });
  return probe.stdout.trim() === 'yes';
}

/** Runs `php` with the arguments; stdout, stderr and exit status. */
export function runPhp(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('php', args, { encoding: 'utf8', input, timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
