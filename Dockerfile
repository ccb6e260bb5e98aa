# One image for both services and the uptime checker; docker-compose.yml picks the command.
# Slim by default: without chDB (the embedded ClickHouse, ~540 MB), for ClickHouse servers
# (CLICKHOUSE_URL). `docker build --build-arg CHDB=true .` keeps it, for the embedded default.
FROM node:20-bookworm-slim

ARG CHDB=false

# tini as PID 1: forwards SIGTERM to Node (which drains its spool and closes the stores) and reaps
# children; npm as PID 1 would swallow the signal.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini=0.19.* \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first (cached while only sources change). npm ci's postinstall generates the Prisma
# client and builds the tracker (tracker/dist, served by ingest) and the dashboard (dashboard/dist,
# served by the API). chdb is an optional dependency (loaded only for the embedded engine); it
# leaves in the same layer as it came, so the slim image never holds it. package.json and the
# lock stay as they are (--no-save).
COPY --chown=node:node package.json package-lock.json prisma.config.ts ./
COPY --chown=node:node scripts ./scripts
COPY --chown=node:node prisma ./prisma
COPY --chown=node:node tracker ./tracker
COPY --chown=node:node client ./client
COPY --chown=node:node dashboard ./dashboard
RUN npm ci --omit=dev --no-audit --no-fund \
  && if [ "$CHDB" != "true" ]; then npm uninstall --no-save --omit=dev --ignore-scripts --no-audit --no-fund chdb; fi \
  && npm cache clean --force
COPY --chown=node:node . .

# Spools (and embedded stores, if ever used) live here: mount volumes on it. Made by this user, so
# a named volume mounted on /app/data/spool starts out writable by it.
RUN mkdir -p /app/data/spool
ENV NODE_ENV=production HOST=0.0.0.0 DATA_DIR=/app/data
EXPOSE 4000 4001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--import", "tsx", "api/main.ts"]
