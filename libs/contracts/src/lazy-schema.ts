/**
 * Memory of a cached workflow (issue 18, goal 4). The worker's reusable V8 context evaluates the bundle's modules once
 * per workflow (each workflow has its own module cache), so every zod schema a module builds at load is built again,
 * and kept, by every cached workflow — ~3,200 schemas and ~2.3 MB each while most workflows parse only their flow and
 * their Update payloads. Schemas a workflow may need are therefore declared `lazySchema(() => …)`:
 * - outside a workflow (api, activities, tests, console) the schema is built at once: the very same object as before;
 * - inside a workflow it is a stand-in that builds the schema on its first use (a parse, a method, a property) and
 *   then forwards every operation to it, so a workflow holds only the schemas it used.
 * A schema built inside another lazy schema's builder (a child, `.extend`, `.optional()`) is built with its parent.
 *
 * `{ keep: false }`, for a schema a workflow parses once per run (its pinned policy, ~1.3 MB of schemas, and flow,
 * ~0.15 MB): inside a workflow each `parse`/`safeParse` builds the schema — and every lazy child not built yet — for
 * that call only, so nothing of it stays in the cached workflow. Outside a workflow the option changes nothing.
 */
export function lazySchema<T extends object>(build: () => T, opts: { keep?: boolean } = {}): T {
  if (!inWorkflowContext()) return build();
  return opts.keep === false ? throwawaySchema(build) : deferredSchema(build);
}

/** The builds of the throwaway parse under way (see `throwawaySchema`), by builder; unset outside one. */
let scope: Map<() => unknown, unknown> | undefined;

/** True while a Temporal workflow's code runs (its activator is set before the workflow's modules are loaded). */
export function inWorkflowContext(): boolean {
  return (globalThis as { __TEMPORAL_ACTIVATOR__?: unknown }).__TEMPORAL_ACTIVATOR__ !== undefined;
}

/**
 * The stand-in: a Proxy built on first touch that forwards to the real schema. Methods run with the stand-in as
 * `this` (zod reads `this._zod`/`this.def` through it), so `.optional()`, `.parse()` and `instanceof` behave as on the
 * schema itself. Exported for the unit test, which cannot enter a workflow context.
 */
export function deferredSchema<T extends object>(build: () => T, throwaway = false): T {
  let real: T | undefined;
  const target = (): T => {
    if (real !== undefined) return real;
    if (scope === undefined) return (real = build());
    // inside a throwaway parse: built for that parse only
    let once = scope.get(build) as T | undefined;
    if (once === undefined) scope.set(build, (once = build()));
    return once;
  };
  const parse = throwaway ? throwawayParse(build, 'parse') : undefined;
  const safeParse = throwaway ? throwawayParse(build, 'safeParse') : undefined;
  // the Proxy's own target stays empty (a Proxy checks its target on every trap: a built one would be kept)
  return new Proxy({} as T, {
    get: (_, p) => (p === 'parse' && parse) || (p === 'safeParse' && safeParse) || Reflect.get(target(), p),
    set: (_, p, v) => Reflect.set(target(), p, v),
    has: (_, p) => Reflect.has(target(), p),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, p) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), p);
      // the stand-in's own target is empty: a non-configurable property can only be reported as configurable
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, p, d) => Reflect.defineProperty(target(), p, d),
    deleteProperty: (_, p) => Reflect.deleteProperty(target(), p),
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
}

/**
 * A deferred schema whose `parse` and `safeParse` run on a schema built for the call (with every lazy child not built
 * yet) and dropped after it; any other use builds and keeps it, as `deferredSchema`. zod parses these synchronously,
 * so the scope is exactly the call. Exported for the unit test.
 */
export function throwawaySchema<T extends object>(build: () => T): T {
  return deferredSchema(build, true);
}

function throwawayParse(build: () => unknown, method: 'parse' | 'safeParse') {
  return (...args: unknown[]): unknown => {
    const outer = scope;
    scope = new Map();
    try {
      return (build() as Record<typeof method, (...a: unknown[]) => unknown>)[method](...args);
    } finally {
      scope = outer;
    }
  };
}
