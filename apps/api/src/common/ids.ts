/** A path id shaped like a UUID (anything else names no record: 404, never a database error). */
export const isUuid = (id: string): boolean => /^[0-9a-f-]{36}$/i.test(id);
