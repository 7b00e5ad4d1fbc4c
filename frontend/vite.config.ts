import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves the dashboard on its own port; these paths belong to the service (quarkus:dev on 8080), so
// the dev server forwards them there and the session cookie stays on one origin as it does in production.
const servicePaths = ['/api', '/login', '/logout', '/q'];

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(servicePaths.map((path) => [path, { target: 'http://localhost:8080' }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the dashboard, so they get their own long-cached files.
        codeSplitting: {
          groups: [
            { name: 'patternfly', test: /node_modules[\\/]@patternfly[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
