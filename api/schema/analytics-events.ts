import { builder } from '../builder.ts';
import { Analytics } from './analytics.ts';

/** WebsiteAnalytics's custom events and their properties. */

const EventCount = builder
  .objectRef<{ name: string; occurrences: number; visitors: number }>('CustomEventCount')
  .implement({
    description: 'A custom event (tracker or server-side).',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Event name.' }),
      occurrences: t.exposeInt('occurrences', { description: 'How often it was sent.' }),
      visitors: t.exposeInt('visitors', { description: 'Unique visitors who sent it.' }),
    }),
  });

const PropertyCount = builder
  .objectRef<{ key: string; value: string; occurrences: number }>('PropertyValueCount')
  .implement({
    description: 'How often a property took a value.',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'Property key.' }),
      value: t.exposeString('value', { description: 'Value (as text).' }),
      occurrences: t.exposeInt('occurrences', { description: 'Events with it.' }),
    }),
  });

builder.objectFields(Analytics, (t) => ({
  customEvents: t.field({
    type: [EventCount],
    description: 'Custom events by name.',
    resolve: (s, _, ctx) => ctx.analytics.customEvents.load(s),
  }),
  eventProperties: t.field({
    type: [PropertyCount],
    authScopes: (scope) => scope.owner === true,
    description: 'Property values of one custom event (owners only: not on public dashboards).',
    args: { name: t.arg.string({ required: true, description: 'Event name.' }) },
    resolve: (s, { name }, ctx) => ctx.analytics.eventProperties.load({ ...s, eventName: name }),
  }),
}));
