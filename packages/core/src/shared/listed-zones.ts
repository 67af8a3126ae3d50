let canonicalZones: Set<string> | undefined;

/**
 * Whether the runtime lists `name` as a canonical IANA zone (`Intl.supportedValuesOf`: 1.5 ms once,
 * and no DateTimeFormat, whose first costs a process some 12 ms; decision 0017), or it is UTC,
 * which the list leaves out. A module of its own: the zone check of every input needs only this,
 * not the offsets (zone-offsets.ts).
 */
export function isListedZone(name: string): boolean {
  canonicalZones ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  return canonicalZones.has(name);
}
