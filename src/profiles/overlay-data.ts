/**
 * The one merge rule of profile data (`extends:` and the shared system packages): a layer is laid
 * over its base.
 *
 * - maps merge by key, recursively; a key set to `null` removes the base's entry;
 * - lists append: the base's items, then the layer's (a list item is never merged into another);
 *   a list tagged `!replace` in the YAML replaces the base's list instead;
 * - anything else (a string, a number, a list over a map...) replaces the base's value.
 */

export type DataPath = readonly (string | number)[];

/** `/detect/files`: the key of a path in `replaced`, as in JSON pointers and ajv's instancePath. */
export function pointer(path: DataPath): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function overlayData(
  base: unknown,
  layer: unknown,
  replaced: ReadonlySet<string> = new Set(),
  path: DataPath = [],
): unknown {
  if (layer === undefined) return base;
  if (Array.isArray(base) && Array.isArray(layer))
    return replaced.has(pointer(path)) ? layer : [...base, ...layer];
  if (!isMap(base) || !isMap(layer)) return layer;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    if (value === null) delete merged[key];
    else merged[key] = overlayData(base[key], value, replaced, [...path, key]);
  }
  return merged;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where a path of the merged data comes from in the layer: an appended list item's index minus
 * the base list's length (so a problem is reported at the line the user wrote). Items that came
 * from the base map to their list.
 */
export function layerPath(
  path: DataPath,
  base: unknown,
  replaced: ReadonlySet<string> = new Set(),
): DataPath {
  let node = base;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (Array.isArray(node) && typeof segment === 'number') {
      if (replaced.has(pointer(path.slice(0, i)))) return path;
      const index = segment - node.length;
      return index < 0 ? path.slice(0, i) : [...path.slice(0, i), index, ...path.slice(i + 1)];
    }
    node = isMap(node) ? node[String(segment)] : undefined;
    if (node === undefined) return path;
  }
  return path;
}
