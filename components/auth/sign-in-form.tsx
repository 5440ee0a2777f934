'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Field, fieldAria } from '@/components/ui/field';
import { signInSchema } from '@/lib/auth/schemas';
import { rateLimitedMessage } from '@/lib/auth/sign-in-limits';
import { Alert } from '@/components/ui/alert';

type Input = z.input<typeof signInSchema>;
type Output = z.output<typeof signInSchema>;

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'Wrong email or password.',
  OAuthAccountNotLinked: 'No enabled account matches that sign-in. Ask an admin to invite you.',
};

/** The message for next-auth's error code (a rate-limited one carries the seconds to wait). */
function errorMessage(code: string | undefined, fallback = 'Sign-in failed. Try again.'): string | undefined {
  if (!code) return undefined;
  return rateLimitedMessage(code) ?? MESSAGES[code] ?? fallback;
}

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async (data) => {
    const res = await signIn('credentials', { redirect: false, email: data.email, password: data.password });
    if (!res || res.error) {
      setError('root', { message: errorMessage(res?.error ?? 'CredentialsSignin', MESSAGES.CredentialsSignin) });
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  });

  const rootError = errors.root?.message ?? errorMessage(initialError);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-describedby={rootError ? 'sign-in-error' : undefined}>
      {rootError && <Alert id="sign-in-error">{rootError}</Alert>}
      <Field id="email" label="Email" error={errors.email?.message}>
        <input
          type="email"
          autoComplete="username"
          {...fieldAria('email', errors.email?.message)}
          {...register('email')}
        />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <input
          type="password"
          autoComplete="current-password"
          {...fieldAria('password', errors.password?.message)}
          {...register('password')}
        />
      </Field>
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
