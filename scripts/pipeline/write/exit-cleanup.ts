/**
 * Clean-up that must happen however the run ends: normally, on an error, or on Ctrl+C (SIGINT),
 * SIGTERM or SIGHUP. Tasks are synchronous so they also run in the 'exit' event and cannot be
 * interleaved with other work, and they run newest first (remove a staging folder before the
 * lock that protects it is released). SIGKILL cannot be caught: what it leaves behind is found
 * and removed at the start of the next run.
 */
import { constants } from 'node:os';

const tasks = new Map<number, () => void>();
let next = 0;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const handlers = new Map<NodeJS.Signals, () => void>();

/**
 * Registers a clean-up task; the returned function unregisters it (after doing it yourself).
 * The signal handlers are installed only while a task is pending, so a process with nothing to
 * clean up reacts to signals as it would without this module.
 */
export function onExit(task: () => void): () => void {
  const id = next++;
  tasks.set(id, task);
  install();
  return () => {
    tasks.delete(id);
    if (tasks.size === 0) uninstall();
  };
}

export function runExitTasks(): void {
  for (const id of [...tasks.keys()].reverse()) {
    const task = tasks.get(id);
    tasks.delete(id);
    try {
      task?.();
    } catch {
      // Best effort: one failed clean-up must not stop the others.
    }
  }
}

function install(): void {
  if (handlers.size > 0) return;
  process.on('exit', runExitTasks);
  for (const signal of SIGNALS) {
    handlers.set(signal, () => {
      runExitTasks();
      uninstall();
      // Die of the same signal, so the parent (npm, a shell, a scheduler) sees what happened;
      // if someone else also listens for it, the default action would not happen: exit instead.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      else process.exit(128 + (constants.signals[signal] ?? 0));
    });
  }
  for (const [signal, handler] of handlers) process.on(signal, handler);
}

function uninstall(): void {
  process.removeListener('exit', runExitTasks);
  for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  handlers.clear();
}
