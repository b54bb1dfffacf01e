/**
 * Memory of a cached workflow (issue 18, goal 4). The worker's reusable V8 context evaluates the bundle's modules once
 * per workflow (each workflow has its own module cache), so every zod schema a module builds at load is built again,
 * and kept, by every cached workflow — ~3,200 schemas and ~2.3 MB each while most workflows parse only their flow and
 * their Update payloads. Schemas a workflow may need are therefore declared `lazySchema(() => …)`:
 * - outside a workflow (api, activities, tests, console) the schema is built at once: the very same object as before;
 * - inside a workflow it is a stand-in that builds the schema on its first use (a parse, a method, a property) and
 *   then forwards every operation to it, so a workflow holds only the schemas it used.
 * A schema built inside another lazy schema's builder (a child, `.extend`, `.optional()`) is built with its parent.
 */
export function lazySchema<T extends object>(build: () => T): T {
  return inWorkflowContext() ? deferredSchema(build) : build();
}

/** True while a Temporal workflow's code runs (its activator is set before the workflow's modules are loaded). */
export function inWorkflowContext(): boolean {
  return (globalThis as { __TEMPORAL_ACTIVATOR__?: unknown }).__TEMPORAL_ACTIVATOR__ !== undefined;
}

/**
 * The stand-in: a Proxy built on first touch that forwards to the real schema. Methods run with the stand-in as
 * `this` (zod reads `this._zod`/`this.def` through it), so `.optional()`, `.parse()` and `instanceof` behave as on the
 * schema itself. Exported for the unit test, which cannot enter a workflow context.
 */
export function deferredSchema<T extends object>(build: () => T): T {
  let real: T | undefined;
  const target = (): T => (real ??= build());
  return new Proxy({} as T, {
    get: (_, p) => Reflect.get(target(), p),
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
