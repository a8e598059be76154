# syntax=docker/dockerfile:1
# Node 24 LTS on Debian 13 (trixie), the current stable release.
# Build stage: bundle the TypeScript (esbuild) and compile the native SQLite driver.
FROM node:24-trixie-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: the bundle and production dependencies (better-sqlite3 and pg are loaded from
# node_modules, not bundled), as a non-root user.
FROM node:24-trixie-slim
ENV NODE_ENV=production DATA_DIR=/data PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json manifest.yml ./
COPY config/groups.example.yml ./config/groups.example.yml
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness, not readiness: /healthz (the process answers and reaches its database) decides
# whether the container is healthy; /readyz (also Slack took the token, the groups are loaded)
# is for a load balancer or a Kubernetes readinessProbe. See README, "Health, readiness, metrics".
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
