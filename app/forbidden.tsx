import Link from 'next/link';

export default function Forbidden() {
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">403 — Not allowed</h1>
      <p>Your account does not have the role this page needs. Ask an admin if you think it should.</p>
      <p>
        <Link href="/findings">Back to the findings</Link>
      </p>
    </section>
  );
}
