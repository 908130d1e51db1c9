import { defineConfig } from 'vite';

// The renderer is built once and served by either shell: Electron loads it from disk, the browser
// host serves it on loopback. Relative base so both work.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
