/**
 * The rules of staff accounts, for `npm run admin` (server/cli/admin.ts) and the sign-in
 * (server/admin/sessions.ts): what a name may be, and how long a password must be (as ADMIN_PASSWORD).
 */
import { ADMIN_PASSWORD_MIN_LENGTH } from '../config.ts';
import { adminStrings } from '../../shared/strings/admin.ts';
import { fill } from '../../shared/strings/template.ts';

/** Letters, digits, dot, hyphen and underscore, starting with a letter or digit; at most 64. */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

/** An account name as stored: NFC and lower case, so „Anna“ and „anna“ are one account. */
export function accountName(typed: string): string {
  return typed.trim().normalize('NFC').toLowerCase();
}

/** Why `name` cannot be an account name (German), or null. */
export function nameProblem(name: string): string | null {
  return NAME.test(name) ? null : fill(adminStrings.cli.badName, { name });
}

/** Why `password` cannot be a password (German), or null. */
export function passwordProblem(password: string): string | null {
  return [...password].length >= ADMIN_PASSWORD_MIN_LENGTH ? null : fill(adminStrings.cli.shortPassword, { min: ADMIN_PASSWORD_MIN_LENGTH });
}
