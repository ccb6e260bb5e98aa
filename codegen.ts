import type { CodegenConfig } from '@graphql-codegen/cli';

// `npm run codegen`: a typed client from the committed contract (api/schema.graphql) and the
// operations in client/operations/*.graphql. Runs offline: it reads files, not a server.
// It also writes client/generated/persisted-documents.json (SHA-256 of each document → its text):
// the API serves those operations by hash (api/persisted-operations.ts), the dashboard sends only hashes.
const config: CodegenConfig = {
  emitLegacyCommonJSImports: false,
  schema: 'api/schema.graphql',
  documents: ['client/operations/**/*.graphql'],
  generates: {
    'client/generated/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true },
      presetConfig: { persistedDocuments: { hashAlgorithm: 'sha256' } },
    },
  },
};

export default config;
