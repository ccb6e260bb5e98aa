import { existsSync } from 'node:fs';

// Imported first by every entry point: variables from `.env` in the working directory (see
// .env.example), below those already in the environment, which win.
if (existsSync('.env')) process.loadEnvFile('.env');
