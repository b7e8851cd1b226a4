/** Compares two secrets in constant time, whatever their lengths (the admin fallback password, the metrics token, CSRF tokens). */
import { createHash, timingSafeEqual } from 'node:crypto';

export function safeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
