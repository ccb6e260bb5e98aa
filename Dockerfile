# One image for both services; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
# npm ci's postinstall also builds the tracker (tracker/dist), which ingest serves.
COPY tracker ./tracker
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0
EXPOSE 4000 4001
CMD ["npm", "run", "start:api"]
