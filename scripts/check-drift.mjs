#!/usr/bin/env node
// Fails when the drizzle schema differs from the committed migrations, i.e.
// when `drizzle-kit generate` would write a new migration. Runs against a
// scratch copy of drizzle/ so the working tree's migrations are never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
// drizzle-kit only handles an `out` relative to the working directory.
const scratch = `.drift-check-${process.pid}`;
const out = `${scratch}/drizzle`;
let code = 1;
try {
  mkdirSync(scratch, { recursive: true });
  cpSync(path.join(root, 'drizzle'), out, { recursive: true });
  const config = `${scratch}/drizzle.config.mjs`;
  writeFileSync(
    config,
    `export default { dialect: 'postgresql', schema: './db/schema/index.ts', out: './${out}', casing: 'snake_case' };\n`,
  );
  const before = readdirSync(out).length;
  const r = spawnSync(
    path.join(root, 'node_modules', '.bin', 'drizzle-kit'),
    ['generate', '--config', config, '--name', 'drift'],
    {
      encoding: 'utf8',
    },
  );
  const output = `${r.stdout}\n${r.stderr}`;
  const after = readdirSync(out).length;
  if (after !== before) {
    console.error(
      'drift check: db/schema differs from the migrations in drizzle/. Run `npm run db:generate` and commit the result.',
    );
  } else if (r.status === 0 && /No schema changes/i.test(output)) {
    console.log('drift check: schema and committed migrations agree');
    code = 0;
  } else {
    console.error(output);
    console.error('drift check: drizzle-kit generate did not run cleanly');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
