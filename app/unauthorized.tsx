import Link from 'next/link';

export default function Unauthorized() {
  return (
    <section aria-labelledby="unauthorized-title">
      <h1 id="unauthorized-title">Sign in needed</h1>
      <p>
        <Link href="/sign-in">Sign in</Link> to see this page.
      </p>
    </section>
  );
}
