'use client';

import { signIn } from 'next-auth/react';

export function OAuthButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; name: string }[];
  callbackUrl: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div style={{ marginTop: '1.25rem' }}>
      <p className="muted">Or sign in with</p>
      {providers.map((p) => (
        <button
          key={p.id}
          type="button"
          className="btn"
          onClick={() => void signIn(p.id, { callbackUrl })}
          style={{ marginRight: '0.5rem' }}
        >
          {p.name}
        </button>
      ))}
    </div>
  );
}
