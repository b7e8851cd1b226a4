// Plain JavaScript on purpose: it must run on an old Node.js and say in one line what is needed
// (`npm ci` runs it as preinstall, `npm start` before the server). The version is package.json's
// engines.node (">=22.12.0").
import { readFileSync } from 'node:fs';

const wanted = /(\d+)\.(\d+)\.(\d+)/.exec(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node);
const [major, minor, patch] = process.versions.node.split('.').map(Number);
const [needMajor, needMinor, needPatch] = wanted.slice(1).map(Number);
const tooOld = major !== needMajor ? major < needMajor : minor !== needMinor ? minor < needMinor : patch < needPatch;
if (tooOld) {
  console.error(`Dieses Projekt braucht Node.js ${needMajor}.${needMinor}.${needPatch} oder neuer, gefunden: ${process.versions.node} (${process.execPath}).`);
  process.exit(1);
}
