import WebSocket from 'ws';

/**
 * Live heap of a process started with --inspect=127.0.0.1:0 (memory phase only): a full GC through the
 * inspector protocol, then the used heap. tsx's wrapper gets NODE_OPTIONS too, so the app's inspector is the
 * one whose target runs `script`.
 */
export async function liveHeapMiB(output: string[], script: string): Promise<number> {
  const ports = output.flatMap((line) => /Debugger listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(line)?.[1] ?? []);
  for (const port of ports) {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { url: string; webSocketDebuggerUrl: string }[];
    const target = targets.find((t) => t.url.includes(script));
    if (target) return collectAndMeasure(target.webSocketDebuggerUrl);
  }
  throw new Error(`no inspector runs ${script}`);
}

async function collectAndMeasure(url: string): Promise<number> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in 30 s`)), 30_000);
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> };
        if (message.id !== id) return;
        clearTimeout(timer);
        socket.off('message', onMessage);
        resolve(message.result ?? {});
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return Number(usage.usedSize) / (1024 * 1024);
  } finally {
    socket.close();
  }
}
