import { builder } from '../builder.ts';

export const API_VERSION = '0.1.0';

builder.queryField('version', (t) =>
  t.string({
    description: 'Version of the API server.',
    resolve: () => API_VERSION,
  }),
);
