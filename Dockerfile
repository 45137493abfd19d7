# The Annals server for docker-compose.yml; Neo4j runs in its own container (neo4j:5).
FROM node:20-bookworm-slim
WORKDIR /app
ENV ANNALS_SKIP_NEO4J_INSTALL=1 NODE_ENV=production
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm install --include=dev --no-audit --no-fund
COPY . .
# npm start compiles dist/ before each start as well; building here makes the image's start quicker.
RUN npm run build
EXPOSE 4000
CMD ["npm", "start"]
