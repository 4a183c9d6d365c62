import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { cspPlugin } from './src/app/csp-plugin.ts';

// Two SMART entry pages: launch.html authorizes, index.html is the redirect target.
export default defineConfig({
  // Content-Security-Policy with frame-ancestors (docs/security.md).
  plugins: [react(), cspPlugin()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        launch: resolve(import.meta.dirname, 'launch.html'),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
