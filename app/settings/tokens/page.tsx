import type { Metadata } from 'next';
import Link from 'next/link';
import { NewTokenForm } from '@/components/tokens/new-token-form';
import { TokenList, type TokenView } from '@/components/tokens/token-list';
import { getDb } from '@/db';
import { listApiTokens } from '@/db/queries/api-tokens';
import { requireUser } from '@/server/session';

export const metadata: Metadata = { title: 'API tokens' };
export const dynamic = 'force-dynamic';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The user's tokens as the list shows them, each with its state as of now. */
async function loadTokens(userId: number): Promise<TokenView[]> {
  const now = Date.now();
  const tokens = await listApiTokens(await getDb(), userId);
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    createdAt: t.createdAt.toISOString(),
    expiresAt: iso(t.expiresAt),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
    state: t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt.getTime() <= now ? 'expired' : 'active',
  }));
}

export default async function TokensPage() {
  const user = await requireUser('/settings/tokens');
  const tokens = await loadTokens(user.id);
  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">API tokens</h1>
      <p>
        A personal token lets a script (R, Python, curl) use the <Link href="/api/v1/openapi.json">API</Link> as you:
        send it as <code>Authorization: Bearer &lt;token&gt;</code>. A <strong>read</strong> token reads what you can
        read, including your drafts; a <strong>write</strong> token can also save, submit and, if your role allows,
        review — with the same checks and limits as the pages. Keep it secret; revoke it when you no longer need it.
      </p>
      <h2>New token</h2>
      <NewTokenForm />
      <h2>Your tokens</h2>
      <TokenList tokens={tokens} />
    </section>
  );
}
