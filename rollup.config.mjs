// Builds every browser and Node bundle of the repository:
//   triage  -> packages/triage/dist (ESM library + the tandem-triage CLI)
//   sdk     -> packages/sdk/dist    (ESM library for npm)
//   widget  -> packages/widget/dist (ESM library for npm, lit and the SDK left to the app's bundler)
//           -> dist/public/tandem.js (the script-tag file the worker serves: everything inside, minified)
import { rmSync } from 'node:fs';
import { resolve as absolute } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// The worker serves dist/public as static assets; start from an empty folder so a build
// never ships leftovers (such as the demo page `npm start` copies in).
rmSync('dist/public', { recursive: true, force: true });

/** A library build: ESM with declarations, dependencies left to the consumer. */
function library(pkg, input, external = []) {
  const dir = `packages/${pkg}/dist`;
  rmSync(dir, { recursive: true, force: true });
  return {
    input: Object.fromEntries(input.map((name) => [name, `packages/${pkg}/src/${name}.ts`])),
    external: (id) => id.startsWith('node:') || external.some((e) => id === e || id.startsWith(`${e}/`)),
    output: { dir, format: 'es', sourcemap: true },
    plugins: [
      typescript({
        tsconfig: `packages/${pkg}/tsconfig.json`,
        // The plugin resolves these against the package's tsconfig folder: give absolute paths.
        include: [`packages/${pkg}/src/**/*.ts`],
        filterRoot: '.',
        noEmit: false,
        declaration: true,
        declarationDir: absolute(dir),
        outDir: absolute(dir),
        rootDir: absolute(`packages/${pkg}/src`),
      }),
    ],
  };
}

export default [
  // features is its own entry so training/train.mjs hashes text exactly as the product does.
  library('triage', ['index', 'cli', 'features']),
  library('sdk', ['index']),
  library('widget', ['index'], ['lit', '@tandem/sdk']),
  // Runs after the library builds above: it bundles @tandem/sdk from packages/sdk/dist.
  {
    input: 'packages/widget/src/script-tag.ts',
    output: { file: 'dist/public/tandem.js', format: 'iife', sourcemap: true },
    plugins: [
      resolve({ browser: true }),
      typescript({
        tsconfig: 'packages/widget/tsconfig.json',
        include: ['packages/widget/src/**/*.ts'],
        filterRoot: '.',
        noEmit: false,
        outDir: absolute('dist/public'),
        rootDir: absolute('packages'),
      }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
  },
];
