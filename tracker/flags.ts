// The build defines TIDEMARK_CORE to measure the core alone, without error tracking and page
// timing; `typeof` keeps the sources usable without it (bundlers importing tracker/index.ts).
declare global {
  const TIDEMARK_CORE: boolean;
}

export {};
