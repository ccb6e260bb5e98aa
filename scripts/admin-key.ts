import '../runtime/env-file.ts';
import { issueAdminKey } from '../prisma/bootstrap.ts';
import { parseEnv, storeEnv } from '../runtime/config.ts';
import { createLogger } from '../runtime/log.ts';
import { runCommand } from '../runtime/service.ts';
import { openStores } from '../runtime/stores.ts';

// `npm run admin-key`: issues a new admin API key for this installation and prints it once.
// Run it on the machine with the stores (the same DATA_DIR or DATABASE_URL as the product);
// on embedded stores, with `npm start` stopped.
runCommand(async () => {
  const config = parseEnv({ stores: storeEnv });
  const stores = await openStores(config.stores, createLogger('admin-key', 'warn'));
  try {
    const { apiKey, setupToken } = await issueAdminKey(stores.prisma);
    console.log(`New admin API key (shown once, store it now):\n  ${apiKey}`);
    if (setupToken) console.log(`Setup link (one use; open it on the API's address):\n  /setup/${setupToken}`);
  } finally {
    await stores.close();
  }
});
