// Builds the account page into dist/: the app's own code, @tandem/sdk and @tandem/widget (with
// Lit) bundled as ES modules, and the static files from public/. The widget's form and language
// packs stay chunks of their own, fetched the first time a customer opens the launcher.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

rmSync('dist', { recursive: true, force: true });

/** Emits every file of public/ (the page, its styles, its icon) beside the bundle. */
function copyPublic() {
  return {
    name: 'copy-public',
    buildStart() {
      for (const name of readdirSync('public')) this.addWatchFile(`public/${name}`);
    },
    generateBundle() {
      for (const name of readdirSync('public')) {
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(`public/${name}`) });
      }
    },
  };
}

export default {
  input: 'src/main.ts',
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [resolve({ browser: true }), typescript(), terser({ format: { comments: false } }), copyPublic()],
};
