import type { CodegenConfig } from '@graphql-codegen/cli';

// `npm run codegen`: a typed client from the committed contract (api/schema.graphql) and the
// operations in client/operations/*.graphql. Runs offline: it reads files, not a server.
const config: CodegenConfig = {
  emitLegacyCommonJSImports: false,
  schema: 'api/schema.graphql',
  documents: ['client/operations/**/*.graphql'],
  generates: {
    'client/generated/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
