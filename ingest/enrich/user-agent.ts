import { isbot } from 'isbot';
import UAParser from 'ua-parser-js';

export interface Device {
  browserName: string | null;
  /** Major version only: breakdowns by version stay readable. */
  browserVersion: string | null;
  osName: string | null;
  osVersion: string | null;
  /** desktop, mobile, tablet, smarttv, console, wearable, embedded */
  deviceType: string;
  deviceBrand: string | null;
  deviceModel: string | null;
  bot: boolean;
}

/** Parses user agents with ua-parser-js v1. UA strings repeat heavily, so parses are cached (bounded LRU). */
export class UserAgentParser {
  private cache = new Map<string, Device>();

  constructor(private readonly maxEntries = 10_000) {}

  parse(userAgent: string): Device {
    const cached = this.cache.get(userAgent);
    if (cached) {
      // Re-insert: Map iteration order makes the first key the least recently used.
      this.cache.delete(userAgent);
      this.cache.set(userAgent, cached);
      return cached;
    }
    const { browser, os, device } = new UAParser(userAgent).getResult();
    const parsed: Device = {
      browserName: browser.name ?? null,
      browserVersion: browser.major ?? null,
      osName: os.name ?? null,
      osVersion: os.version ?? null,
      deviceType: device.type ?? 'desktop',
      deviceBrand: device.vendor ?? null,
      deviceModel: device.model ?? null,
      bot: isbot(userAgent),
    };
    this.cache.set(userAgent, parsed);
    if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    return parsed;
  }
}
