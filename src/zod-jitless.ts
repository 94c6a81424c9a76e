/**
 * zod without its JIT: zod compiles object parsers with `new Function` when it may, and probes
 * whether it may when a schema is built. Under a Content-Security-Policy without 'unsafe-eval'
 * that probe is reported as a `script-src` violation (README: Content Security Policy). Import
 * this before any module that builds a schema (main.ts imports it first).
 */
import { z } from 'zod';

z.config({ jitless: true });
