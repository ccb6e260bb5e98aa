import type { ClickHouseClient } from '../../clickhouse/client.ts';
import { runQuery } from '../../clickhouse/query.ts';
import type { Runner } from './batching.ts';
import { aiUsageLoaders } from './families/ai-usage.ts';
import { breakdownLoaders } from './families/breakdown.ts';
import { customEventsLoaders } from './families/custom-events.ts';
import { errorsLoaders } from './families/errors.ts';
import { funnelsLoaders } from './families/funnels.ts';
import { journeysLoaders } from './families/journeys.ts';
import { linksLoaders } from './families/links.ts';
import { retentionLoaders } from './families/retention.ts';
import { revenueLoaders } from './families/revenue.ts';
import { sessionsLoaders } from './families/sessions.ts';
import { summaryLoaders } from './families/summary.ts';
import { timeseriesLoaders } from './families/timeseries.ts';
import { uptimeLoaders } from './families/uptime.ts';
import { vitalsLoaders } from './families/vitals.ts';
import { groupsLoaders } from './groups.ts';

/**
 * The analytics loaders of one GraphQL request: each family's (families/*.ts, groups.ts), built
 * on batching.ts. Every family's SQL takes a list of owners and returns one row group per
 * `client_id`, so one query answers the same question for many websites. Visit figures
 * (visitors, visits, bounce rate, duration, entry and exit pages) read visit rows (scope.ts);
 * event figures (page views, time on page, scroll depth, link clicks) read events.
 */
export function createAnalyticsLoaders(clickhouse: ClickHouseClient, run: Runner = (o) => runQuery(clickhouse, o)) {
  return {
    ...summaryLoaders(run),
    ...timeseriesLoaders(run),
    ...breakdownLoaders(run),
    ...groupsLoaders(run),
    ...vitalsLoaders(run),
    ...errorsLoaders(run),
    ...customEventsLoaders(run),
    ...sessionsLoaders(run),
    ...journeysLoaders(run),
    ...funnelsLoaders(run),
    ...retentionLoaders(run),
    ...revenueLoaders(run),
    ...aiUsageLoaders(run),
    ...linksLoaders(run),
    ...uptimeLoaders(run),
  };
}

export type AnalyticsLoaders = ReturnType<typeof createAnalyticsLoaders>;
