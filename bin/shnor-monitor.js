#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const built = path.join(__dirname, '..', 'build', 'cli.cjs');
if (!fs.existsSync(built)) {
  console.error('Командная строка ещё не собрана: выполните «npm run build».');
  process.exit(1);
}
const { runCli } = require(built);
runCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t), now: () => new Date() }).then((code) => {
  process.exitCode = code;
});
