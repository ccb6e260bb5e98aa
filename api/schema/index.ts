// Every domain of the schema, imported for its side effects on the builder.
import './system.ts';
import './scalars.ts';
import './errors.ts';
import './organization.ts';
import './websites.ts';
import './api-keys.ts';
import './goals.ts';
import './funnels.ts';
import './annotations.ts';
import './links.ts';
import './monitors.ts';
import './erasure.ts';
import './flags.ts';
import './analytics.ts';
import './auth.ts';
import './share-links.ts';
import './export.ts';
