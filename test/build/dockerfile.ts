/** The exec form of a Dockerfile's last CMD, e.g. ["node", "--heap-growing-percent=25", "dist/src/index.js"]. */
export function dockerCommand(dockerfile: string): string[] {
  const cmd = dockerfile.split('\n').filter((line) => /^CMD\s/.test(line)).pop() ?? '';
  return JSON.parse(cmd.replace(/^CMD\s+/, '')) as string[];
}
