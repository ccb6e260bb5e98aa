/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query EvaluateFlags($websiteId: ID!, $context: FlagContextInput!) {\n  evaluateFlags(websiteId: $websiteId, context: $context) {\n    key\n    enabled\n    value\n    variant\n    reason\n  }\n}": typeof types.EvaluateFlagsDocument,
    "query ApiVersion {\n  version\n}": typeof types.ApiVersionDocument,
    "query Websites($first: Int, $after: String) {\n  organization {\n    id\n    name\n    websites(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          domain\n          name\n          isPublic\n          allowedOrigins\n        }\n      }\n    }\n  }\n}\n\nmutation CreateWebsite($input: CreateWebsiteInput!) {\n  createWebsite(input: $input) {\n    __typename\n    ... on MutationCreateWebsiteSuccess {\n      data {\n        id\n        domain\n      }\n    }\n    ... on Error {\n      code\n      message\n    }\n  }\n}": typeof types.WebsitesDocument,
};
const documents: Documents = {
    "query EvaluateFlags($websiteId: ID!, $context: FlagContextInput!) {\n  evaluateFlags(websiteId: $websiteId, context: $context) {\n    key\n    enabled\n    value\n    variant\n    reason\n  }\n}": types.EvaluateFlagsDocument,
    "query ApiVersion {\n  version\n}": types.ApiVersionDocument,
    "query Websites($first: Int, $after: String) {\n  organization {\n    id\n    name\n    websites(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          domain\n          name\n          isPublic\n          allowedOrigins\n        }\n      }\n    }\n  }\n}\n\nmutation CreateWebsite($input: CreateWebsiteInput!) {\n  createWebsite(input: $input) {\n    __typename\n    ... on MutationCreateWebsiteSuccess {\n      data {\n        id\n        domain\n      }\n    }\n    ... on Error {\n      code\n      message\n    }\n  }\n}": types.WebsitesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EvaluateFlags($websiteId: ID!, $context: FlagContextInput!) {\n  evaluateFlags(websiteId: $websiteId, context: $context) {\n    key\n    enabled\n    value\n    variant\n    reason\n  }\n}"): (typeof documents)["query EvaluateFlags($websiteId: ID!, $context: FlagContextInput!) {\n  evaluateFlags(websiteId: $websiteId, context: $context) {\n    key\n    enabled\n    value\n    variant\n    reason\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiVersion {\n  version\n}"): (typeof documents)["query ApiVersion {\n  version\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Websites($first: Int, $after: String) {\n  organization {\n    id\n    name\n    websites(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          domain\n          name\n          isPublic\n          allowedOrigins\n        }\n      }\n    }\n  }\n}\n\nmutation CreateWebsite($input: CreateWebsiteInput!) {\n  createWebsite(input: $input) {\n    __typename\n    ... on MutationCreateWebsiteSuccess {\n      data {\n        id\n        domain\n      }\n    }\n    ... on Error {\n      code\n      message\n    }\n  }\n}"): (typeof documents)["query Websites($first: Int, $after: String) {\n  organization {\n    id\n    name\n    websites(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          domain\n          name\n          isPublic\n          allowedOrigins\n        }\n      }\n    }\n  }\n}\n\nmutation CreateWebsite($input: CreateWebsiteInput!) {\n  createWebsite(input: $input) {\n    __typename\n    ... on MutationCreateWebsiteSuccess {\n      data {\n        id\n        domain\n      }\n    }\n    ... on Error {\n      code\n      message\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;