/**
 * Which process owns a lock or a temporary folder, and whether that process is still running.
 * A pid alone is not enough: after a reboot or a long time pids are reused, so on Linux the
 * owner also records the boot id and the process's start time, and a pid that is alive but
 * started at another time is a different process.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface Owner {
  pid: number;
  host: string;
  /** When the process started, ISO 8601 (UTC). */
  started: string;
  /** Linux boot id, or null elsewhere. */
  boot: string | null;
  /** Linux process start time in clock ticks since boot (/proc/<pid>/stat field 22), or null. */
  ticks: string | null;
}

export type Liveness = 'alive' | 'dead' | 'unknown';

let self: Owner | undefined;

export function currentOwner(): Owner {
  self ??= {
    pid: process.pid,
    host: hostname(),
    started: new Date(Date.now() - process.uptime() * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
    boot: bootId(),
    ticks: startTicks(process.pid),
  };
  return self;
}

/** 'unknown' when the owner ran on another host: nothing here can tell whether it still runs. */
export function ownerLiveness(owner: Owner): Liveness {
  if (owner.host !== hostname()) return 'unknown';
  const boot = bootId();
  if (owner.boot && boot && owner.boot !== boot) return 'dead';
  if (!pidAlive(owner.pid)) return 'dead';
  if (owner.ticks) {
    const ticks = startTicks(owner.pid);
    if (ticks && ticks !== owner.ticks) return 'dead';
  }
  return 'alive';
}

export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function isOwner(value: unknown): value is Owner {
  const o = value as Partial<Owner> | null;
  return typeof o === 'object' && o !== null && typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.started === 'string';
}

/** "pid 4242 on host analyst-pc, started 2026-11-30T09:12:03Z" */
export function describeOwner(owner: Owner): string {
  return `pid ${owner.pid} on host ${owner.host}, started ${owner.started}`;
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function startTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may hold spaces and parentheses: count fields after its last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null;
  } catch {
    return null;
  }
}
