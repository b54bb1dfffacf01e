import { z } from 'zod';
import type { $ZodMemoizer } from 'zod/v4/core';

/**
 * Preloaded into the worker's reusable V8 context once, before any workflow (workflow-bundler-options.ts,
 * `preloadModules`), so zod's own modules (~0.5 MB of closures, classes and prototypes) are shared by every cached
 * workflow instead of evaluated again by each (issue 18, goal 4). The workflows' schemas stay their own: each workflow
 * builds the ones it uses (libs/contracts/src/lazy-schema.ts).
 *
 * The SDK deep-freezes the objects a shared module exports. zod writes to a few of them lazily, the first time a
 * schema is built or parsed: its global config (the English locale, the memoizer) and the cached "may we compile
 * with `new Function`" probe. Building and parsing one object schema here, before the freeze, makes those writes
 * happen now; afterwards zod only writes to the schemas and errors it creates (each workflow's own objects) and to
 * class prototypes (which the SDK does not freeze).
 *
 * What stays frozen: the RegExp constants of zod's `regexes` module. A string format that checks against one of them
 * (`z.email()`, `z.guid()`, `z.iso.date()`, `.lowercase()`, cuid/ulid/nanoid/ip/…) resets its `lastIndex` and would
 * throw a TypeError in a workflow. Schemas a workflow may parse use regexes of their own (`.regex(/…/)`) or formats
 * that build a fresh RegExp (`z.uuid()`, `.datetime()`); workflow-bundler-options.spec.ts checks every schema of the
 * bundled library modules for a shared pattern.
 */
z.object({ key: z.string().min(1), n: z.number().int().min(0) }).safeParse({ key: '', n: -1 });

/**
 * zod's settings for the workflow context (issue 18), set before the freeze; the api and activities keep the defaults.
 * Each workflow builds a schema for the few parses of its run, so per-schema set-up that pays off over many parses
 * costs more than it saves here:
 * - `jitless`: no compiled fast path (a `new Function` per object schema at its first parse). In plain Node a build and
 *   parse of the action's schema took 1.23 ms with it, 0.56 ms without.
 * - a memoizer without cycle support: zod's default one walks each container's whole subtree at its first parse, to
 *   find out whether the input could hold a reference cycle. A workflow's inputs are decoded from JSON payloads, which
 *   cannot hold one.
 * Measured in `npm run bench`: zod's building and parsing in the workflow thread 612 → 503 ms for 600 workflows (of
 * 6.7–6.8 s busy); a small gain, no change in the ratio.
 */
const acyclicInputs: $ZodMemoizer = { attach() {}, guard() {}, alloc: (_inst, _payload, empty) => empty };
z.config({ jitless: true, memoizer: acyclicInputs });

export const zodPrimed = true;
