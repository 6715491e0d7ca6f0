// The integration tier runs against the machine's PostgreSQL and Redis (see .ci/run).
process.env.REGISTRY_TEST_ENGINE = 'postgres';
process.env.REGISTRY_TEST_REDIS_URL = process.env.REGISTRY_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
