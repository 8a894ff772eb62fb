// Builds the browser client into client/dist, self-contained: analysts work offline and every asset is ours.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The built page forbids anything not served by our own origin. Only in the build: the dev server
 * injects imported CSS as <style> elements, which this policy would refuse. `frame-ancestors`
 * cannot be set from a <meta>; the server's headers own it.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  // The layout worker (graph/layout-worker.ts) is a module file of our own origin, never a blob: URL.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'xpf-content-security-policy',
    apply: 'build',
    // Right after <meta charset>: a policy only governs what is parsed after it, so it must precede the script.
    transformIndexHtml(html) {
      const charset = '<meta charset="utf-8">';
      if (!html.includes(charset)) throw new Error(`client/index.html must contain ${charset}, for the CSP to follow it`);
      return html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`);
    },
  };
}

export default defineConfig({
  root: clientRoot,
  // Absolute asset paths: a share link (/v/<shareId>) loads index.html one level down, where './assets/'
  // would ask /v/assets/… and get index.html back. The server mounts the client at its root.
  base: '/',
  plugins: [contentSecurityPolicyMeta()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Never inline assets as data: URLs into scripts; keeps every file inspectable and cacheable.
    assetsInlineLimit: 0,
    // One bundle on purpose (Cytoscape alone is ~450 kB): offline use loads it once, from disk.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // The API runs beside the dev server; same-origin requests keep the CSP's connect-src 'self' true.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
