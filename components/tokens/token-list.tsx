'use client';

import { revokeTokenAction } from '@/app/settings/tokens/actions';
import { ActionButton } from '@/components/ui/action-button';

export type TokenView = {
  id: number;
  name: string;
  prefix: string;
  scope: 'read' | 'write';
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
};

const day = (iso: string | null, none: string) => (iso ? iso.slice(0, 10) : none);

/** The owner's tokens (never their secrets): what each may do, when it was last used, and a way to revoke it. */
export function TokenList({ tokens }: { tokens: TokenView[] }) {
  if (tokens.length === 0) return <p className="empty">No API tokens yet.</p>;
  return (
    <table className="data-table" data-testid="tokens">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Token</th>
          <th scope="col">Access</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Last used</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} data-testid="token-row">
            <td>{t.name}</td>
            <td>
              <code>{t.prefix}…</code>
            </td>
            <td>{t.scope}</td>
            <td>{day(t.createdAt, '')}</td>
            <td>{day(t.expiresAt, 'never')}</td>
            <td>{day(t.lastUsedAt, 'never')}</td>
            <td>{t.state === 'revoked' ? `revoked ${day(t.revokedAt, '')}` : t.state}</td>
            <td>
              {!t.revokedAt && (
                <ActionButton action={() => revokeTokenAction({ tokenId: t.id })}>
                  Revoke<span className="visually-hidden"> {t.name}</span>
                </ActionButton>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
