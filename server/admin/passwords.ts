/**
 * Staff passwords, hashed with scrypt (node:crypto), a memory-hard key derivation function: the
 * hash string carries its parameters and salt (`scrypt$N$r$p$salt$hash`, base64url), so the cost
 * can be raised later without breaking stored accounts. N=2^15, r=8, p=3 is one of OWASP's
 * equivalent scrypt settings (32 MiB per hash). Comparison in constant time (timingSafeEqual).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The parameters of new hashes. */
export const SCRYPT_PARAMETERS = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128 · N · r bytes; allowed twice that.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error === null ? resolve(key) : reject(error))),
  );
}

/** The hash string of `password` with a fresh salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const { N, r, p } = SCRYPT_PARAMETERS;
  const key = await derive(password, salt, SCRYPT_PARAMETERS);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored` (a hash string of hashPassword); false for anything else. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | null = null;
/**
 * A hash no password was ever given for: a sign-in with an unknown name is checked against it, so
 * it takes as long as one with a known name (the name is not revealed by the time).
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(SALT_BYTES).toString('base64url'));
  return dummy;
}

/** A strong password for `npm run admin -- add|reset` without one given: 144 random bits, 24 characters. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
