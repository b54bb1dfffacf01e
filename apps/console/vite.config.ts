import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const contracts = path.join(repoRoot, 'libs/contracts/src');
const policy = path.join(repoRoot, 'libs/policy/src');

export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      // Sub-path imports (`@qf/contracts/cases`) keep server-only modules of the barrel out of the bundle.
      { find: /^@qf\/contracts\/(.+)$/, replacement: `${contracts}/$1.ts` },
      { find: /^@qf\/contracts$/, replacement: path.join(contracts, 'index.ts') },
      // The policy and flow schemas (pure zod) validate the flow and policy editors like the api does.
      { find: /^@qf\/policy$/, replacement: path.join(policy, 'index.ts') },
    ],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
  },
  build: {
    outDir: path.join(repoRoot, 'dist/console'),
    emptyOutDir: true,
    // recharts is only reached through the dashboard's lazy import, so it lands in its own chunk.
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
