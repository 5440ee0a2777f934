import Link from 'next/link';

export default function NotFound() {
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title">Not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link href="/findings">Browse the findings</Link>
      </p>
    </section>
  );
}
