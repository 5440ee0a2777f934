'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section aria-labelledby="err-title" role="alert">
      <h1 id="err-title">Something went wrong</h1>
      <p>The request could not be completed. Nothing was changed. Try again in a moment.</p>
      <button type="button" className="btn" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
