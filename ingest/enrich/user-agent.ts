import { isbot } from 'isbot';
import UAParser from 'ua-parser-js';
import { Lru } from './lru.ts';

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

/** Parses user agents with ua-parser-js v1, cached. */
export class UserAgentParser {
  private cache: Lru<Device>;

  constructor(maxEntries = 10_000) {
    this.cache = new Lru(maxEntries);
  }

  parse(userAgent: string): Device {
    // Real user agents are short; a client's 16 KB header is parsed but not kept, so the cache
    // stays a few megabytes whatever clients send.
    if (userAgent.length > CACHED_LENGTH) return describe(userAgent);
    return this.cache.get(userAgent, () => describe(userAgent));
  }
}

const CACHED_LENGTH = 512;

function describe(userAgent: string): Device {
  const { browser, os, device } = new UAParser(userAgent).getResult();
  return {
    browserName: browser.name ?? null,
    browserVersion: browser.major ?? null,
    osName: os.name ?? null,
    osVersion: os.version ?? null,
    deviceType: device.type ?? 'desktop',
    deviceBrand: device.vendor ?? null,
    deviceModel: device.model ?? null,
    bot: isbot(userAgent),
  };
}
