// The explorer's bundle: web/ → web/dist/, served by the claimgraph server at / (src/server/explorer.ts).
// Everything it needs is bundled: the page loads nothing from anywhere but its own server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Cytoscape and its layouts are one large chunk by nature; that is expected, not a warning.
    chunkSizeWarningLimit: 2000,
    rollupOptions: { output: { manualChunks: { graph: ['cytoscape', 'cytoscape-dagre', 'cytoscape-fcose', 'cytoscape-svg'], chart: ['uplot'] } } },
  },
});
