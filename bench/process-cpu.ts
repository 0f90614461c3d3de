// CPU time from /proc (Linux), so a benchmark on a shared machine can say how busy it was.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU counters (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** A process's command name and user + system CPU seconds so far, or undefined when it cannot be read. */
function statOf(pid: number | string): { name: string; seconds: number } | undefined {
  try {
    // The command name is in parentheses and may hold spaces; the other fields follow it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, close), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS };
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds used so far by a process (0 when it cannot be read). */
export function cpuSecondsOf(pid: number | undefined): number {
  return pid === undefined ? 0 : (statOf(pid)?.seconds ?? 0);
}

/** Busy and total CPU ticks of the whole machine, all cores together. */
export interface MachineCpu {
  readonly busy: number;
  readonly total: number;
}

/** The machine's CPU counters now; the busy share over an interval is Δbusy / Δtotal. */
export function machineCpu(): MachineCpu {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.reduce((s, t) => s + t, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** The local TCP ports of a process's sockets (from its file descriptors and /proc/net/tcp{,6}). */
export function localTcpPorts(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1] !== undefined) inodes.add(m[1]);
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    return [];
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1];
      if (local !== undefined && cols[9] !== undefined && inodes.has(cols[9])) ports.push(parseInt(local.slice(local.lastIndexOf(':') + 1), 16));
    }
  }
  return ports;
}
