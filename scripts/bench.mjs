// Launcher: the benchmark is TypeScript bundled by scripts/build.mjs into build/bench.cjs.
import { createRequire } from 'node:module';
createRequire(import.meta.url)('../build/bench.cjs');
