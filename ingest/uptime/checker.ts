import { randomUUID } from 'node:crypto';
import { toClickHouseDateTime } from '../../clickhouse/sql.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import type { Logger } from '../../runtime/log.ts';
import type { RowWriter } from '../writer.ts';
import { probe } from './probe.ts';

interface DueMonitor {
  id: string;
  organization_id: string;
  website_id: string | null;
  url: string;
  method: string;
  timeout_ms: number;
  interval_seconds: number;
  expected_status: number | null;
}

export interface CheckerOptions {
  /** Name of where checks run from, stored with each result. */
  region: string;
  /** How often due monitors are claimed. */
  tickMs: number;
  /** Monitors claimed per tick. */
  batch: number;
  /** Whether monitors may reach loopback and private addresses (UPTIME_ALLOW_PRIVATE_TARGETS). */
  allowPrivateTargets?: boolean;
}

/**
 * Runs uptime checks: every tick it claims due monitors with a lease in PostgreSQL (FOR UPDATE
 * SKIP LOCKED, so several replicas never check one monitor at once), checks each concurrently
 * (a slow target delays nobody else), writes the result to uptime.checks and schedules the
 * next check with jitter. Monitors created or changed through the API are picked up at the
 * next tick, because the table is the schedule.
 */
export class UptimeChecker {
  readonly owner = randomUUID();
  private timer?: NodeJS.Timeout;
  private ticking = false;
  /** When monitors were last claimed (PostgreSQL answered), epoch ms; 0 before. For health checks. */
  lastClaimAt = 0;
  private running = new Set<Promise<void>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly writer: RowWriter,
    private readonly log: Logger,
    private readonly options: CheckerOptions = { region: 'local', tickMs: 1000, batch: 50 },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
  }

  /** Stops claiming and waits for the checks in flight. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.running);
  }

  /** Claims due monitors and starts their checks; resolves when they are claimed, not checked. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const due = await this.prisma.$queryRaw<DueMonitor[]>`
        UPDATE uptime_monitors SET lease_owner = ${this.owner},
          lease_until = now() + make_interval(secs => timeout_ms / 1000.0 + 30)
        WHERE id IN (
          SELECT id FROM uptime_monitors
          WHERE enabled AND next_check_at <= now() AND (lease_until IS NULL OR lease_until < now())
          ORDER BY next_check_at LIMIT ${this.options.batch}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, organization_id, website_id, url, method, timeout_ms, interval_seconds, expected_status`;
      this.lastClaimAt = Date.now();
      for (const monitor of due) {
        const check = this.check(monitor).finally(() => this.running.delete(check));
        this.running.add(check);
      }
    } catch (error) {
      this.log.error('uptime: claiming monitors failed', { error: (error as Error).message });
    } finally {
      this.ticking = false;
    }
  }

  /** Waits for every check started so far (tests, shutdown). */
  settle(): Promise<void> {
    return Promise.all(this.running).then(() => {});
  }

  private async check(monitor: DueMonitor): Promise<void> {
    const at = new Date();
    const result = await probe({
      url: monitor.url,
      method: monitor.method,
      timeoutMs: monitor.timeout_ms,
      expectedStatus: monitor.expected_status,
      allowPrivate: this.options.allowPrivateTargets ?? false,
    });
    const ms = (value: number | null) => (value === null ? null : Math.round(value));
    try {
      await this.writer.write('uptime.checks', [
        {
          monitor_id: monitor.id,
          owner_id: monitor.organization_id,
          website_id: monitor.website_id,
          timestamp: toClickHouseDateTime(at),
          region: this.options.region,
          url: monitor.url,
          status: result.status,
          http_status: result.httpStatus,
          total_ms: Math.round(result.totalMs),
          dns_ms: ms(result.dnsMs),
          connect_ms: ms(result.connectMs),
          tls_ms: ms(result.tlsMs),
          first_byte_ms: ms(result.firstByteMs),
          response_bytes: result.responseBytes,
          error: result.error,
        },
      ]);
    } catch (error) {
      this.log.error('uptime: storing a check failed', { monitor: monitor.id, error: (error as Error).message });
    }
    // Next check one interval on, plus up to 10% jitter so monitors created together spread out.
    const delaySeconds = monitor.interval_seconds * (1 + Math.random() * 0.1);
    await this.prisma.$executeRaw`
      UPDATE uptime_monitors SET lease_owner = NULL, lease_until = NULL,
        next_check_at = now() + make_interval(secs => ${delaySeconds})
      WHERE id = ${monitor.id} AND lease_owner = ${this.owner}`;
  }
}
