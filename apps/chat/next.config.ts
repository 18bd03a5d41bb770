import { config } from 'dotenv';
import type { NextConfig } from 'next';

// The monorepo keeps one .env at the root; Next only reads the app folder's own.
config({ path: '../../.env', quiet: true });

const nextConfig: NextConfig = {
  // Lets parallel builds (several checkouts' worth of work on one machine) keep apart.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Workspace packages export TypeScript source.
  transpilePackages: ['@vouch/api', '@vouch/auth', '@vouch/core', '@vouch/db', '@vouch/jobs', '@vouch/ui'],
  // Native or connection-pooling modules stay plain Node requires on the server.
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@prisma/adapter-pg', '@prisma/client', 'ioredis', 'bullmq'],
  poweredByHeader: false,
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    ];
    return [
      // The chat panel is framed by customers' sites: src/proxy.ts sets its frame-ancestors per
      // widget key (its allowed origins); every other page refuses framing.
      { source: '/embed', headers: common },
      { source: '/((?!embed$).*)', headers: [...common, { key: 'X-Frame-Options', value: 'DENY' }] },
      // The loader is fetched cross-origin by host pages; keep it cacheable but short-lived.
      { source: '/widget.js', headers: [{ key: 'Cache-Control', value: 'public, max-age=300' }] },
    ];
  },
};

export default nextConfig;
