// Create an account from the command line, e.g. the first admin of a production install:
//   npm run db:create-user -- --email ada@example.org --name "Ada Admin" --role admin
// The password comes from EVX_NEW_PASSWORD, or a random one is generated and printed once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { createDb } from './client';
import { createUser } from './queries/users';
import { DomainError } from '../lib/errors';
import { env } from '../server/env';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'curator' } },
});
const given = env().EVX_NEW_PASSWORD;
const password = given ?? randomBytes(12).toString('base64url');
const handle = await createDb({ max: 1 });
try {
  const user = await createUser(handle.db, null, {
    email: values.email ?? '',
    name: values.name ?? '',
    role: values.role as never,
    password,
  });
  console.log(`created ${user.email} (${user.role})${given ? '' : ` with password ${password}`}`);
} catch (e) {
  if (e instanceof ZodError) console.error(e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  else if (e instanceof DomainError) console.error(e.message);
  else throw e;
  process.exitCode = 1;
} finally {
  await handle.close();
}
