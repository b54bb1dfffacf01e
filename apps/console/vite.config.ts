import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const contracts = path.join(repoRoot, 'libs/contracts/src');
const policy = path.join(repoRoot, 'libs/policy/src');
const domain = path.join(repoRoot, 'libs/domain/src');

export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [
    react(),
    // .gz and .br beside every text asset: the api serves them as they are (express-static-gzip), nothing compressed per request
    compression({
      algorithms: ['gzip', 'brotliCompress'],
      include: /\.(js|mjs|css|html|svg|json|txt)$/,
      threshold: 1024,
    }),
  ],
  resolve: {
    alias: [
      // Sub-path imports (`@qf/contracts/cases`) keep server-only modules of the barrel out of the bundle.
      { find: /^@qf\/contracts\/(.+)$/, replacement: `${contracts}/$1.ts` },
      { find: /^@qf\/contracts$/, replacement: path.join(contracts, 'index.ts') },
      // The policy and flow schemas (pure zod) validate the flow and policy editors like the api does.
      { find: /^@qf\/policy$/, replacement: path.join(policy, 'index.ts') },
      // K-9: the scorecard editor previews an indicator with the domain's own formula (pure, no server code)
      { find: /^@qf\/domain\/(.+)$/, replacement: `${domain}/$1.ts` },
    ],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
  },
  build: {
    outDir: path.join(repoRoot, 'dist/console'),
    emptyOutDir: true,
    // Views load per resource (React.lazy, components/lazy.tsx) and charts through their own lazy imports.
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; harmless.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/')) return;
        warn(warning);
      },
    },
  },
});
