// `npm run neo4j:provision`: fetch Neo4j's jars into the user-level cache ahead of time (CI, offline use).
import { parseEnv } from '../env.ts';
import { provisionNeo4j } from '../graph/provision.ts';
import { StartupError } from '../graph/startup-error.ts';

try {
  const distribution = await provisionNeo4j(parseEnv().XPF_CACHE_DIR);
  console.log(`Neo4j ${distribution.version} is ready in ${distribution.libDir} (Java ${distribution.java.major}).`);
} catch (error) {
  console.error(error instanceof StartupError ? `Cannot provision Neo4j: ${error.message}` : error);
  process.exit(1);
}
