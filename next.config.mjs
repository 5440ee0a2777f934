/** @type {import('next').NextConfig} */
const nextConfig = {
  // Drivers with native/wasm parts must stay outside the server bundle, or the first query fails at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', '@node-rs/argon2'],
  poweredByHeader: false,
  // A second build folder lets two builds (e.g. a test run and a dev check) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: {
    // forbidden() / unauthorized() render 403/401 pages with the right status.
    authInterrupts: true,
  },
};

export default nextConfig;
