import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/spine': 'http://127.0.0.1:8638', '/tmf-api': 'http://127.0.0.1:8638', '/docs': 'http://127.0.0.1:8638' } },
});
