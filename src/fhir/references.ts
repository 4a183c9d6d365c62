// Reference resolution across every input (contract §1): `Type/id`, absolute URLs ending in
// `Type/id` (with or without `_history/n`), `urn:uuid:` / `urn:oid:` fullUrls, and `#contained`.
// An index may sit on a parent index (the audit command keeps shared resources such as
// Medication and Location in one, and each patient's resources in a small child index).

/** A resource as read from JSON: only resourceType is known to be there. */
export interface RawResource {
  resourceType: string;
  id?: unknown;
  contained?: unknown;
  [key: string]: unknown;
}

export interface IndexedResource {
  /** Canonical key: `Type/id`, else the fullUrl (urn:uuid:...) when the resource has no id. */
  key: string;
  resource: RawResource;
  /** For a contained resource: the resource that contains it (its `#id` references resolve there). */
  container?: RawResource;
}

export function isRawResource(v: unknown): v is RawResource {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { resourceType?: unknown }).resourceType === 'string'
  );
}

/**
 * `Type/id` from a relative or absolute reference; undefined for urn: and `#` references.
 * A scan from the end, no memo and no match array (issue 18: no module-level caches); it accepts
 * exactly what `/(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/` did
 * (property-tested against that expression in references.test.ts): the last
 * segments are `Type/id`, optionally followed by `/_history/<version>`; Type is a whole segment
 * of an upper-case letter and one or more letters, id 1–64 of `[A-Za-z0-9-.]`.
 */
export function typeIdOf(reference: string): string | undefined {
  if (reference.startsWith('#') || reference.startsWith('urn:')) return undefined;
  let idEnd = reference.length;
  let idSlash = reference.lastIndexOf('/');
  if (idSlash <= 0) return undefined;
  // `…/_history/<version>`: the version is non-empty and has no `/` (it is the last segment).
  if (idSlash > 9 && idSlash + 1 < idEnd && reference.startsWith('/_history', idSlash - 9)) {
    idEnd = idSlash - 9;
    idSlash = idEnd > 0 ? reference.lastIndexOf('/', idEnd - 1) : -1;
    if (idSlash <= 0) return undefined;
  }
  const idLength = idEnd - idSlash - 1;
  if (idLength < 1 || idLength > 64) return undefined;
  for (let i = idSlash + 1; i < idEnd; i += 1)
    if (!isIdChar(reference.charCodeAt(i))) return undefined;
  const typeStart = reference.lastIndexOf('/', idSlash - 1) + 1;
  if (idSlash - typeStart < 2 || !isUpper(reference.charCodeAt(typeStart))) return undefined;
  for (let i = typeStart + 1; i < idSlash; i += 1) {
    const c = reference.charCodeAt(i);
    if (!isUpper(c) && !isLower(c)) return undefined;
  }
  return idEnd === reference.length && typeStart === 0
    ? reference
    : reference.slice(typeStart, idEnd);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** `[A-Za-z0-9\-.]`: a FHIR id's characters. */
function isIdChar(c: number): boolean {
  return isUpper(c) || isLower(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/** The canonical key a resource is known by. */
export function keyOf(resource: RawResource, fullUrl?: string): string | undefined {
  if (typeof resource.id === 'string' && resource.id !== '') {
    return `${resource.resourceType}/${resource.id}`;
  }
  if (fullUrl) return typeIdOf(fullUrl) ?? fullUrl;
  return undefined;
}

export class ResourceIndex {
  private readonly byKey = new Map<string, RawResource>();
  /** fullUrl (urn:uuid:...) → canonical key. */
  private readonly aliases = new Map<string, string>();
  private readonly parent: ResourceIndex | undefined;

  constructor(parent?: ResourceIndex) {
    this.parent = parent;
  }

  /** Adds a resource; returns its canonical key (undefined when it has neither id nor fullUrl). */
  add(resource: RawResource, fullUrl?: string): string | undefined {
    const key = keyOf(resource, fullUrl);
    if (!key) return undefined;
    this.byKey.set(key, resource);
    if (fullUrl && fullUrl !== key && !typeIdOf(fullUrl)) this.aliases.set(fullUrl, key);
    return key;
  }

  /** Registers a fullUrl alias without keeping the resource (the audit command's first pass). */
  addAlias(fullUrl: string, key: string): void {
    if (fullUrl !== key) this.aliases.set(fullUrl, key);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Normalises a reference to the key its target is known by, resolved or not. */
  canonical(reference: string): string {
    if (reference.startsWith('urn:')) return this.alias(reference) ?? reference;
    return typeIdOf(reference) ?? reference;
  }

  private alias(fullUrl: string): string | undefined {
    return this.aliases.get(fullUrl) ?? this.parent?.alias(fullUrl);
  }

  get(key: string): RawResource | undefined {
    return this.byKey.get(key) ?? this.parent?.get(key);
  }

  /**
   * Resolves a reference, `#id` within `from` (its contained resources). Returns the target
   * and its key (a contained resource's key is `<container key>#<id>`).
   */
  resolve(reference: string | undefined, from?: IndexedResource): IndexedResource | undefined {
    if (!reference) return undefined;
    if (reference.startsWith('#')) {
      if (!from) return undefined;
      const container = from.container ?? from.resource;
      const found = findContained(container, reference.slice(1));
      const rootKey = from.container ? from.key.slice(0, from.key.indexOf('#')) : from.key;
      return found ? { key: `${rootKey}${reference}`, resource: found, container } : undefined;
    }
    const key = this.canonical(reference);
    const resource = this.get(key);
    return resource ? { key, resource } : undefined;
  }

  values(): IterableIterator<[string, RawResource]> {
    return this.byKey.entries();
  }
}

function findContained(container: RawResource, id: string): RawResource | undefined {
  const list = container.contained;
  if (!Array.isArray(list)) return undefined;
  for (const c of list) if (isRawResource(c) && c.id === id) return c;
  return undefined;
}

/** Flattens Bundles (of any type, nested too) into resources with their fullUrls. */
export function flattenResources(
  input: readonly unknown[],
): { resource: RawResource; fullUrl?: string }[] {
  const out: { resource: RawResource; fullUrl?: string }[] = [];
  for (const r of input) {
    if (!isRawResource(r)) continue;
    if (r.resourceType === 'Bundle') flattenBundle(r, out);
    else out.push({ resource: r });
  }
  return out;
}

/**
 * Depth first with a stack of our own, in entry order: Bundles nested thousands deep do not
 * overflow the call stack.
 */
function flattenBundle(
  bundle: RawResource,
  out: { resource: RawResource; fullUrl?: string }[],
): void {
  const stack: { r: unknown; fullUrl: string | undefined }[] = [{ r: bundle, fullUrl: undefined }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { r, fullUrl } = next;
    if (!isRawResource(r)) continue;
    if (r.resourceType === 'Bundle') {
      const entries = r.entry;
      if (!Array.isArray(entries)) continue;
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const e: unknown = entries[i];
        if (typeof e !== 'object' || e === null) continue;
        const entry = e as { resource?: unknown; fullUrl?: unknown };
        stack.push({
          r: entry.resource,
          fullUrl: typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined,
        });
      }
      continue;
    }
    out.push(fullUrl ? { resource: r, fullUrl } : { resource: r });
  }
}
