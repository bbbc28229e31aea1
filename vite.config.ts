import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in src/web; the server serves the build from dist/web on the same origin as
// the API, so in development the API is proxied to keep cookies and CSRF same-origin as well.
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  // For the public pages' Sass, which uses GOV.UK Frontend's folders by path.
  css: { preprocessorOptions: { scss: { loadPaths: [fileURLToPath(new URL('./node_modules', import.meta.url))] } } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The public referral pages (src/public) are rendered by the server, which finds their
    // hashed script and stylesheet in the manifest.
    manifest: true,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        // The client portal: a page and bundle of its own, served at /portal (platform/http/web-app.ts).
        portal: fileURLToPath(new URL('./src/web/portal/index.html', import.meta.url)),
        refer: fileURLToPath(new URL('./src/public/refer.ts', import.meta.url)),
      },
      output: {
        // Libraries change less often than Concord's own code, so browsers keep them cached
        // across releases.
        manualChunks(id) {
          // GOV.UK Frontend stays with the public pages and the portal, the only ones that load it.
          if (!id.includes('/node_modules/') || id.includes('/govuk-frontend/')) return undefined;
          if (id.includes('/@mantine/')) return 'mantine';
          if (/\/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id)) return 'react';
          // What the portal shares with the staff app, so that it never loads the staff app's libraries.
          if (/\/node_modules\/(@tanstack|zod|libphonenumber-js)\//.test(id)) return 'common';
          return 'vendor';
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      // The public referral pages are made by the server (not /referrals, the staff's screens).
      '^/refer/': api,
    },
  },
});
