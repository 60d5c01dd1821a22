// tsc compiles src-main/ to out/main/ but copies nothing else: the numbered SQL migrations are
// read at run time from beside the compiled migrate.js, so they are copied across here.
import { cpSync } from 'node:fs';

cpSync('src-main/db/migrations', 'out/main/db/migrations', {
  recursive: true,
  filter: (src) => !src.includes('.') || src.endsWith('.sql'),
});
