/**
 * zod without its JIT: zod compiles object parsers with `new Function` when it may, and probes
 * whether it may when a schema is built. Under a Content-Security-Policy without 'unsafe-eval'
 * that probe is reported as a `script-src` violation (README: Content Security Policy). Every
 * module that builds a schema imports this first, so zod stays out of the app's first load and
 * whichever of them loads first (the sandbox, a scenario file, the embed protocol) sets it.
 */
import { z } from 'zod';

z.config({ jitless: true });
