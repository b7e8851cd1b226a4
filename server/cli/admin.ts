/**
 * `npm run admin -- add <Name>` | `remove <Name>` | `reset <Name>`: the named staff accounts of the
 * admin area, in the store the server uses (DATABASE_URL or DATA_DIR, as `npm start`). add and
 * reset read the password from standard input when it is piped (one line; the line break at its end
 * is not part of it), otherwise they generate a strong one and print it once. remove and reset end
 * the account's sessions. Exit code 1 on any problem, 2 on a wrong call.
 */
import { text } from 'node:stream/consumers';
import { adminStrings } from '../../shared/strings/admin.ts';
import { fill } from '../../shared/strings/template.ts';
import { accountName, nameProblem, passwordProblem } from '../admin/accounts.ts';
import { loadConfig } from '../config.ts';
import { generatePassword, hashPassword } from '../admin/passwords.ts';
import { readOrExit } from './startup.ts';
import { openStore, storageErrorReason } from '../store/index.ts';

const s = adminStrings.cli;
const [command = '', typed = '', ...rest] = process.argv.slice(2);
if (!['add', 'remove', 'reset'].includes(command) || typed === '' || rest.length > 0) {
  console.error(s.usage);
  process.exit(2);
}
const name = accountName(typed);
const badName = nameProblem(name);
if (badName !== null) {
  console.error(badName);
  process.exit(1);
}

/** The password from a pipe, or a generated one (then it is printed). */
async function newPassword(): Promise<{ password: string; generated: boolean }> {
  if (!process.stdin.isTTY) {
    const piped = (await text(process.stdin)).replace(/\r?\n$/, '');
    if (piped !== '') return { password: piped, generated: false };
  }
  return { password: generatePassword(), generated: true };
}

const config = readOrExit(() => loadConfig());
const { password, generated } = command === 'remove' ? { password: '', generated: false } : await newPassword();
const short = command === 'remove' ? null : passwordProblem(password);
if (short !== null) {
  console.error(short);
  process.exit(1);
}

const store = openStore(config);
try {
  if (command === 'remove') {
    if (await store.removeAccount(name)) console.log(fill(s.removed, { name }));
    else {
      console.error(fill(s.missing, { name }));
      process.exitCode = 1;
    }
  } else {
    const hash = await hashPassword(password);
    const done = command === 'add' ? await store.addAccount(name, hash, new Date()) : await store.setAccountPassword(name, hash);
    if (!done) {
      console.error(fill(command === 'add' ? s.exists : s.missing, { name }));
      process.exitCode = 1;
    } else {
      console.log(fill(command === 'add' ? s.added : s.reset, { name }));
      if (generated) console.log(fill(s.generated, { name, password }));
      if (command === 'add' && config.adminPassword !== '') console.log(s.fallbackEnds);
    }
  }
} catch (error) {
  console.error(fill(s.failed, { reason: storageErrorReason(error) }));
  process.exitCode = 1;
} finally {
  await store.close();
}
