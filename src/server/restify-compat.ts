import http from 'node:http';
import 'restify';

/**
 * Loading restify replaces http.ServerResponse.prototype.writeHead for the whole process with a version that
 * returns undefined instead of the response. Node's own returns `this`, and other servers in the same process
 * (the embedded demo store, the local connector) chain `res.writeHead(...).end(...)`. Give the chain back.
 */
export function restoreWriteHeadChaining(): void {
  const proto = http.ServerResponse.prototype;
  const patched = proto.writeHead;
  if ((patched as { chainRestored?: boolean }).chainRestored) return;
  const chained = function writeHead(this: http.ServerResponse, ...args: unknown[]) {
    Reflect.apply(patched, this, args);
    return this;
  };
  Object.assign(chained, { chainRestored: true });
  proto.writeHead = chained as typeof proto.writeHead;
}

restoreWriteHeadChaining();
