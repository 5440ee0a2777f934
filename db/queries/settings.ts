import { sql } from 'drizzle-orm';
import { resolveSettings, type Settings, settingsUpdateSchema } from '../../lib/settings';
import type { Db, DbOrTx } from '../client';
import { settings } from '../schema';
import { recordAudit } from './audit';

export async function getSettings(db: DbOrTx): Promise<Settings> {
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
  return resolveSettings(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/** Change settings (admin); one audit event with the before and after values. */
export async function updateSettings(db: Db, actorId: number, input: unknown): Promise<Settings> {
  const changes = settingsUpdateSchema.parse(input);
  return db.transaction(async (tx) => {
    const before = await getSettings(tx);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      await tx
        .insert(settings)
        .values({ key, value, updatedBy: actorId })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actorId, updatedAt: sql`now()` } });
    }
    const after = await getSettings(tx);
    await recordAudit(tx, { actorId, action: 'settings.update', entity: 'settings', detail: { before, after } });
    return after;
  });
}
