/**
 * New API keys: long random strings, so a fast hash (SHA-256) is enough to store them and a
 * lookup by hash finds them. The key itself is answered once and never stored.
 */
import type { KeyKind } from '../db/keys.js';
import { sha256 } from './hash.js';

const PREFIX: Record<KeyKind, string> = { publishable: 'pk_', secret: 'sk_' };
// 128 random bits for a key that is public anyway, 192 for a secret.
const BYTES: Record<KeyKind, number> = { publishable: 16, secret: 24 };

export interface NewKeyValue {
  key: string;
  hash: string;
  /** For people to tell keys apart: all of a publishable key, a secret key's ends. */
  hint: string;
}

export async function newKeyValue(kind: KeyKind): Promise<NewKeyValue> {
  const bytes = crypto.getRandomValues(new Uint8Array(BYTES[kind]));
  const key = PREFIX[kind] + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const hint = kind === 'publishable' ? key : `${key.slice(0, 7)}…${key.slice(-4)}`;
  return { key, hash: await sha256(key), hint };
}
