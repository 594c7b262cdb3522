// `npm run playground`: the sidebar on localhost with google.script.run bridged to dist/Code.js (see scripts/playground.ts).
import { createRequire } from 'node:module';
createRequire(import.meta.url)('../build/playground.cjs').main(process.argv.slice(2)).catch((e) => { console.error(e instanceof Error ? e.message : String(e)); process.exit(1); });
