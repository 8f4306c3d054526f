import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../issues.ts';
import { loadPseudonymisationKey } from './loadPseudonymisationKey.ts';

const bytes = Buffer.from(Array.from({ length: 32 }, (_, index) => index * 7 + 1));

function refusal(load: () => unknown): PipelineError {
  try {
    load();
  } catch (error) {
    if (error instanceof PipelineError) return error;
    throw error;
  }
  throw new Error('expected a PipelineError');
}

describe('loadPseudonymisationKey', () => {
  it('reads a hex key from TFO_PSEUDONYMISATION_KEY', () => {
    expect(loadPseudonymisationKey({ env: { TFO_PSEUDONYMISATION_KEY: bytes.toString('hex') } })).toEqual(bytes);
  });

  it('reads a base64 key, padded or URL-safe', () => {
    expect(loadPseudonymisationKey({ env: { TFO_PSEUDONYMISATION_KEY: bytes.toString('base64') } })).toEqual(bytes);
    expect(loadPseudonymisationKey({ env: { TFO_PSEUDONYMISATION_KEY: bytes.toString('base64url') } })).toEqual(bytes);
  });

  it('takes other text of at least 32 characters as the key itself', () => {
    const text = 'correct horse battery staple, twice over';
    expect(loadPseudonymisationKey({ env: { TFO_PSEUDONYMISATION_KEY: text } })).toEqual(Buffer.from(text));
  });

  it('refuses a missing key and says how to make one', () => {
    const error = refusal(() => loadPseudonymisationKey({ env: {} }));
    expect(error.message).toContain('TFO_PSEUDONYMISATION_KEY is not set');
    expect(error.message).toContain('openssl rand -hex 32');
  });

  it.each(['too short a secret', 'ab'.repeat(20)])('refuses a key shorter than 32 bytes without echoing it: %s', (secret) => {
    const error = refusal(() => loadPseudonymisationKey({ env: { TFO_PSEUDONYMISATION_KEY: secret } }));
    expect(error.message).toMatch(/32 bytes/);
    expect(error.message).not.toContain(secret);
  });

  it('reads a key file, ignoring the trailing newline, in preference to the environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tfo-key-'));
    const keyFile = join(dir, 'pseudonymisation.key');
    await writeFile(keyFile, `${bytes.toString('hex')}\n`);
    const key = loadPseudonymisationKey({ keyFile, env: { TFO_PSEUDONYMISATION_KEY: 'x'.repeat(40) } });
    expect(key).toEqual(bytes);
  });

  it('refuses a key file that does not exist, naming it', async () => {
    const keyFile = join(await mkdtemp(join(tmpdir(), 'tfo-key-')), 'missing.key');
    expect(refusal(() => loadPseudonymisationKey({ keyFile })).message).toContain(`${keyFile} does not exist`);
  });
});
