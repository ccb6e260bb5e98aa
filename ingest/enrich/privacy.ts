import { createHmac, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../prisma/client.ts';

const utcDay = (at: Date) => at.toISOString().slice(0, 10);
/** Days since the epoch, UTC: the same number for all of a utcDay, and cheap (no date formatting per request). */
const dayNumber = (at: Date) => Math.floor(at.getTime() / 86_400_000);

/**
 * The daily secret salt behind every stored visitor hash. Random, kept in PostgreSQL so all
 * ingest replicas agree, rotated at UTC midnight; earlier days' salts are deleted, so
 * yesterday's hashes can no longer be recomputed from an IP address.
 */
export class DailySalts {
  private current?: { day: number; salt: Buffer };
  private pending?: Promise<Buffer>;

  constructor(private readonly prisma: PrismaClient) {}

  async forDate(at: Date): Promise<Buffer> {
    if (this.current?.day === dayNumber(at)) return this.current.salt;
    this.pending ??= this.load(at).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async load(at: Date): Promise<Buffer> {
    const day = utcDay(at);
    // Whichever replica comes first creates the day's salt; the others read it.
    await this.prisma.dailySalt.createMany({
      data: [{ day, salt: randomBytes(32).toString('hex') }],
      skipDuplicates: true,
    });
    const { salt } = await this.prisma.dailySalt.findUniqueOrThrow({ where: { day } });
    await this.prisma.dailySalt.deleteMany({ where: { day: { lt: day } } });
    this.current = { day: dayNumber(at), salt: Buffer.from(salt, 'hex') };
    return this.current.salt;
  }
}

/** Keyed hash stored in `ip`: stable for a website and a day, useless without that day's salt. */
export function hashIp(salt: Buffer, clientId: string, ip: string): string {
  return createHmac('sha256', salt).update(`${clientId}\0${ip}`).digest('hex').slice(0, 32);
}

/**
 * Visitor id for requests that carry none (the no-JavaScript pixel): the same visitor on the
 * same site gets the same id for a day, as Plausible does.
 */
export function dailyVisitorId(salt: Buffer, clientId: string, ip: string, userAgent: string): string {
  return createHmac('sha256', salt).update(`${clientId}\0${ip}\0${userAgent}`).digest('hex').slice(0, 32);
}
