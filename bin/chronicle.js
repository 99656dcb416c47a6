#!/usr/bin/env node
// Chronicle is written in TypeScript and run through tsx, so there is no compile step between an
// edit and a build. Registering tsx here also lets Eleventy import `.eleventy.ts` and the layouts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
