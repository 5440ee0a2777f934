// Sent with every response. The pages' Content-Security-Policy carries a per-request nonce, so proxy.ts sets it;
// API routes, which proxy.ts skips and which never run scripts, get the locked-down one below.
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Drivers with native/wasm parts must stay outside the server bundle, or the first query fails at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', '@node-rs/argon2', 'pdfjs-dist'],
  poweredByHeader: false,
  // A second build folder lets two builds (e.g. a test run and a dev check) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: {
    // forbidden() / unauthorized() render 403/401 pages with the right status.
    authInterrupts: true,
    // The importer takes files up to 5 MB (multipart adds some overhead).
    serverActions: { bodySizeLimit: '6mb' },
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
