import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boundedStart, durationWords } from './bounded-start.ts';

const LIMITS = { firstByteMs: 20_000, totalMs: 120_000 };
const never = () => new Promise<never>(() => {});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('boundedStart', () => {
  it('resolves with the start when it finishes in time', async () => {
    await expect(boundedStart('the engine', async () => 42, LIMITS)).resolves.toBe(42);
  });

  it('gives up when nothing has arrived by the first-byte limit, and stops the start', async () => {
    const giveUp = vi.fn();
    const started = boundedStart('the data engine', never, LIMITS, giveUp);
    const outcome = expect(started).rejects.toThrow('the data engine did not begin to download within 20 seconds');
    await vi.advanceTimersByTimeAsync(20_000);
    await outcome;
    expect(giveUp).toHaveBeenCalledTimes(1);
  });

  it('waits past the first-byte limit once bytes arrive, up to the total limit', async () => {
    const started = boundedStart(
      'the data engine',
      ({ arriving }) => {
        arriving();
        return never();
      },
      LIMITS,
    );
    const outcome = expect(started).rejects.toThrow('the data engine did not start within 2 minutes');
    await vi.advanceTimersByTimeAsync(119_000);
    await vi.advanceTimersByTimeAsync(1_000);
    await outcome;
  });

  it('fails at once when told to (a worker that could not load)', async () => {
    const giveUp = vi.fn();
    const started = boundedStart(
      'the data engine',
      ({ fail }) => {
        fail(new Error('its worker script could not be loaded'));
        return never();
      },
      LIMITS,
      giveUp,
    );
    await expect(started).rejects.toThrow('its worker script could not be loaded');
    expect(giveUp).toHaveBeenCalledTimes(1);
  });

  it('passes on the start’s own error, thrown or rejected', async () => {
    await expect(boundedStart('x', () => Promise.reject(new Error('404 Not Found')), LIMITS)).rejects.toThrow('404 Not Found');
    const throwing = () => {
      throw new Error('no WebAssembly');
    };
    await expect(boundedStart('x', throwing, LIMITS)).rejects.toThrow('no WebAssembly');
  });
});

describe('durationWords', () => {
  it('says seconds, or whole minutes from two minutes', () => {
    expect(durationWords(20_000)).toBe('20 seconds');
    expect(durationWords(60_000)).toBe('60 seconds');
    expect(durationWords(120_000)).toBe('2 minutes');
    expect(durationWords(1_000)).toBe('1 second');
  });
});
