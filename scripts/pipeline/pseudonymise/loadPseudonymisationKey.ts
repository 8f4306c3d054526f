/**
 * The secret key for pseudonymising references. It comes from the environment or a file the
 * council controls, is held only in memory, and never appears in a message, log or output:
 * errors name where the key was looked for, never what was found there.
 */
import { readFileSync } from 'node:fs';
import { PipelineError } from '../issues.ts';

export const pseudonymisationKeyEnv = 'TFO_PSEUDONYMISATION_KEY';

/** 256 bits: the HMAC-SHA256 block of security, and too long to guess from the pseudonyms. */
export const minimumKeyBytes = 32;

const howToMakeOne =
  `Fix: generate a key once with \`openssl rand -hex 32\`, keep it outside the repository, and set ${pseudonymisationKeyEnv} ` +
  'or pass the key file; use the same key every quarter so pseudonyms stay stable.';

function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  // Node decodes leniently; accept only text that is exactly the encoding of what it decodes to.
  const canonical = (encoding: 'base64' | 'base64url') => bytes.toString(encoding).replace(/=+$/, '');
  const unpadded = text.replace(/=+$/, '');
  return canonical('base64') === unpadded || canonical('base64url') === unpadded ? bytes : null;
}

/** Hex or base64 when the text is one of those and long enough, otherwise the text itself. */
function decodeKey(text: string, source: string): Buffer {
  if (/^(?:[0-9a-fA-F]{2})+$/.test(text)) {
    const bytes = Buffer.from(text, 'hex');
    if (bytes.length >= minimumKeyBytes) return bytes;
    throw new PipelineError(
      `The pseudonymisation key in ${source} is hex for ${bytes.length} bytes; at least ${minimumKeyBytes} bytes (${minimumKeyBytes * 2} hex characters) are needed. ${howToMakeOne}`,
    );
  }
  const base64 = decodeBase64(text);
  if (base64 && base64.length >= minimumKeyBytes) return base64;
  const raw = Buffer.from(text, 'utf8');
  if (raw.length >= minimumKeyBytes) return raw;
  throw new PipelineError(
    `The pseudonymisation key in ${source} is shorter than ${minimumKeyBytes} bytes. ${howToMakeOne}`,
  );
}

export interface KeySources {
  /** Defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** A file holding the key; used in preference to the environment when given. */
  readonly keyFile?: string;
}

export function loadPseudonymisationKey(sources: KeySources = {}): Buffer {
  if (sources.keyFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(sources.keyFile, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
      throw new PipelineError(`The pseudonymisation key file ${sources.keyFile} ${reason}. ${howToMakeOne}`);
    }
    return decodeKey(text.trim(), `the key file ${sources.keyFile}`);
  }
  const text = (sources.env ?? process.env)[pseudonymisationKeyEnv]?.trim();
  if (!text) {
    throw new PipelineError(`No pseudonymisation key: ${pseudonymisationKeyEnv} is not set and no key file was given. ${howToMakeOne}`);
  }
  return decodeKey(text, pseudonymisationKeyEnv);
}
