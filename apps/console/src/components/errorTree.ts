/**
 * Puts a field message at its path in a react-admin error tree (`{a: {b: [ , msg]}}`); the first message of a field
 * wins, and a path below a field that already has a message is dropped. A message is a translation key or text, or a
 * `{message, args}` leaf. Shared by every form validator of the console.
 */
export const setFieldError = (tree: Record<string, unknown>, path: (string | number)[], message: unknown): void => {
  let node: Record<string | number, unknown> = tree;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      if (node[key] === undefined) node[key] = message;
      return;
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null || 'args' in (next as object)) {
      if (next !== undefined) return; // a message is already there
      node[key] = typeof path[i + 1] === 'number' ? [] : {};
    }
    node = node[key] as Record<string | number, unknown>;
  });
};
