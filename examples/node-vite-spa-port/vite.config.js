import { defineConfig } from 'vite'

// https://vitejs.dev/config/
export default defineConfig({
  server: {
    port: 5173,
  },
  build: {
    // outDir is left at its default: dist
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
})
