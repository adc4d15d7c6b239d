import { readdirSync, readFileSync } from 'node:fs';

/** Readings of one Linux process from /proc: its main thread's CPU time and its resident memory. */

/** Nanoseconds the main thread (tid = pid) spent on a CPU: the first field of its schedstat. */
export function mainThreadCpuNs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').trim().split(/\s+/);
  return Number(fields[0]);
}

/** Resident set size in MiB (VmRSS). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  return kib === undefined ? Number.NaN : Number(kib) / 1024;
}

/** Children of a process (tsx runs the app in a child node process of its own). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: fields follow the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Main-thread CPU and RSS sampled around a phase. */
export class CpuMeter {
  private startNs: number;
  peakRss = 0;
  constructor(private readonly pid: number) {
    this.startNs = mainThreadCpuNs(pid);
  }
  sample(): void {
    this.peakRss = Math.max(this.peakRss, rssMiB(this.pid));
  }
  /** Milliseconds of main-thread CPU since construction. */
  elapsedMs(): number {
    return (mainThreadCpuNs(this.pid) - this.startNs) / 1e6;
  }
}
