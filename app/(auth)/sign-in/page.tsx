import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/server/session';
import { SignInForm } from '@/components/auth/sign-in-form';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { appOrigin, safeCallbackPath } from '@/lib/auth/callback';
import { env } from '@/server/env';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const params = await searchParams;
  const h = await headers();
  const origin = appOrigin(env().NEXTAUTH_URL, h.get('host'), h.get('x-forwarded-proto'));
  const callbackUrl = safeCallbackPath(params.callbackUrl, origin);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === 'string' ? params.error : undefined;
  const oauth = [
    env().ORCID_CLIENT_ID ? { id: 'orcid', name: 'ORCID' } : null,
    env().GITHUB_ID ? { id: 'github', name: 'GitHub' } : null,
  ].filter((p) => p !== null);
  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
      <OAuthButtons providers={oauth} callbackUrl={callbackUrl} />
    </section>
  );
}
