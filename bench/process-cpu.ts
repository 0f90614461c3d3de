// CPU time from /proc (Linux), so a benchmark on a shared machine can say how busy it was.
import { readdirSync, readFileSync } from 'node:fs';

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

/** CPU seconds by process id of every running process with this command name (e.g. `postgres`). */
export function cpuSecondsByName(name: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (stat?.name === name) out.set(Number(entry), stat.seconds);
  }
  return out;
}

/** CPU seconds the processes named like `before`'s used since then (those that ended meanwhile are not counted). */
export function cpuSecondsSince(before: ReadonlyMap<number, number>, name: string): number {
  let total = 0;
  for (const [pid, seconds] of cpuSecondsByName(name)) total += seconds - (before.get(pid) ?? 0);
  return total;
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
