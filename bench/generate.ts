/**
 * Generates realistic architecture documents of a chosen length for the benchmark: every
 * section of the bundled template filled in, with the repeatable parts (components, entities,
 * endpoints, jobs, decision records, table rows) repeated until the document reaches the
 * requested number of lines. A few defects are sprinkled in at a steady rate, so the rules
 * have findings to report as they would on a real document in progress: placeholders left
 * from the template, a missing field, an invalid date, a short table row, a heading typo and
 * a status outside its choices.
 *
 * The output depends only on the line count and the seed.
 */

/** A small, fast, deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['Billing', 'Ledger', 'Identity', 'Catalog', 'Search', 'Checkout', 'Payments', 'Notification', 'Reporting', 'Inventory', 'Pricing', 'Audit', 'Shipping', 'Fraud', 'Onboarding', 'Settlement'];
const KINDS = ['Service', 'Gateway', 'Worker', 'Scheduler', 'Indexer', 'Projector', 'Adapter', 'Cache', 'Router', 'Relay'];
const TECH = ['Go 1.23', 'Kotlin 2.0 on JVM 21', 'TypeScript on Node.js 20', 'Rust 1.80', 'Python 3.12 with FastAPI', 'Java 21 with Spring Boot 3', 'Envoy 1.30', 'Elixir 1.17'];
const STORES = ['PostgreSQL 16', 'Redis 7', 'Kafka', 'S3', 'DynamoDB', 'OpenSearch 2', 'ClickHouse'];
const VERBS = ['validates', 'aggregates', 'publishes', 'reconciles', 'caches', 'indexes', 'routes', 'authorizes', 'enriches', 'archives'];
const OBJECTS = ['orders', 'invoices', 'accounts', 'postings', 'sessions', 'events', 'documents', 'refunds', 'shipments', 'quotes'];
const FIELD_TYPES = ['uuid', 'string', 'bigint', 'timestamp', 'boolean', 'ISO 4217 code', 'enum', 'jsonb'];
const FIELD_NAMES = ['id', 'status', 'amount', 'currency', 'created_at', 'updated_at', 'owner_id', 'reference', 'version', 'region', 'external_id', 'notes'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PROSE = [
  'The design favours small services with one owner each, so that a team can change its part without coordinating a release.',
  'Every write goes through an idempotency key, which lets clients retry safely after a timeout.',
  'Reads are served from replicas where a few seconds of staleness is acceptable to the caller.',
  'Events are published through an outbox, so that no event is lost when the broker is unavailable.',
  'Capacity is planned for three times the peak of the last quarter, measured per region.',
  'Cross-service calls carry a deadline and a trace context; nothing waits without a bound.',
  'Schema changes are expand-then-contract, so two versions of a service can run side by side.',
  'Secrets come from the platform vault at start-up and are never written to disk.',
];

interface Writer {
  readonly out: string[];
  readonly rnd: () => number;
  /** Whether to put a defect in the next unit (a steady rate, with some jitter). */
  defect(): boolean;
}

function pick<T>(w: Writer, items: readonly T[]): T {
  return items[Math.floor(w.rnd() * items.length)];
}

function date(w: Writer): string {
  const year = 2020 + Math.floor(w.rnd() * 6);
  const month = 1 + Math.floor(w.rnd() * 12);
  const day = 1 + Math.floor(w.rnd() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function name(w: Writer, i: number): string {
  return `${pick(w, AREAS)} ${pick(w, KINDS)} ${i + 1}`;
}

function sentence(w: Writer): string {
  const verb = pick(w, VERBS);
  return `${verb[0].toUpperCase()}${verb.slice(1)} ${pick(w, OBJECTS)} for ${pick(w, AREAS).toLowerCase()} and hands them to ${pick(w, STORES)}`;
}

// Each unit writes one repeatable block and its trailing blank line.

function component(w: Writer, i: number): void {
  const fields = [
    `- Purpose: ${sentence(w)}`,
    `- Technology: ${pick(w, TECH)}`,
    `- Responsibilities: ${pick(w, VERBS)} ${pick(w, OBJECTS)}, ${pick(w, VERBS)} ${pick(w, OBJECTS)}`,
    `- Interfaces: gRPC in, ${pick(w, STORES)} and Kafka out`,
  ];
  // Defect: a field still reading as the template's guidance.
  if (w.defect()) fields[0] = '- Purpose: What it does';
  w.out.push(`**${name(w, i)}**`, ...fields, '');
}

function entity(w: Writer, i: number): void {
  const count = 3 + Math.floor(w.rnd() * 4);
  const fields = FIELD_NAMES.slice(0, count);
  w.out.push(`**${pick(w, AREAS)}${pick(w, ['Account', 'Order', 'Invoice', 'Posting', 'Profile', 'Batch'])}${i + 1}**`, '```', '{');
  fields.forEach((f, j) => w.out.push(`  "${f}": "${pick(w, FIELD_TYPES)}"${j < fields.length - 1 ? ',' : ''}`));
  w.out.push('}', '```', '');
  for (const f of fields) w.out.push(`- **${f}**: ${sentence(w)}`);
  w.out.push('');
}

function endpoint(w: Writer, i: number): void {
  const method = pick(w, METHODS);
  const resource = `${pick(w, OBJECTS)}`;
  const path = i % 2 === 0 ? `/v${1 + (i % 3)}/${resource}` : `/v${1 + (i % 3)}/${resource}/{id}/items-${i}`;
  w.out.push(
    `**${method} ${path}**`,
    `- Purpose: ${sentence(w)}`,
    method === 'GET' ? `- Parameters: \`?cursor=...&limit=${10 * (1 + (i % 10))}\`` : `- Request Body: \`{ "${pick(w, FIELD_NAMES)}": "..." }\``,
    `- Response: \`{ "id": "${resource.slice(0, 3)}_${i}" }\``,
    `- Authentication: ${w.rnd() < 0.9 ? 'Required' : 'Not required'}`,
    '',
  );
}

function envRow(w: Writer, i: number): void {
  const variable = `${pick(w, AREAS).toUpperCase()}_${pick(w, ['DB_URL', 'TIMEOUT_MS', 'POOL_SIZE', 'QUEUE', 'REGION', 'FEATURE_FLAG'])}_${i}`;
  // Defect: a row that lost a cell.
  if (w.defect()) w.out.push(`| ${variable} | ${pick(w, OBJECTS)} connection | Yes |`);
  else w.out.push(`| ${variable} | ${pick(w, VERBS)} ${pick(w, OBJECTS)} | \`${pick(w, ['postgres://db/app', '30000', 'eu-west-1', 'true', 'q-' + i])}\` | ${w.rnd() < 0.7 ? 'Yes' : 'No'} |`);
}

function resource(w: Writer, i: number): void {
  w.out.push(
    `**${pick(w, STORES)} cluster ${i + 1}**`,
    `- Purpose: ${sentence(w)}`,
    `- Configuration: ${pick(w, ['db.r6g.xlarge', 'm7g.large', 'c7g.2xlarge'])}, Multi-AZ`,
    `- Scaling strategy: ${pick(w, ['read replicas', 'horizontal pods on CPU', 'partitions per tenant'])}`,
    '',
  );
}

function flow(w: Writer, i: number): void {
  const steps = 3 + Math.floor(w.rnd() * 4);
  w.out.push(`**${pick(w, AREAS)} flow ${i + 1}**`);
  for (let s = 0; s < steps; s++) w.out.push(`${s + 1}. ${sentence(w)}`);
  w.out.push('');
}

function job(w: Writer, i: number): void {
  w.out.push(
    `**Nightly ${pick(w, OBJECTS)} job ${i + 1}**`,
    `- Trigger: Cron at 0${i % 10}:00 UTC`,
    `- Frequency: ${pick(w, ['Daily', 'Hourly', 'Every 5 minutes', 'Weekly'])}`,
    `- Purpose: ${sentence(w)}`,
    `- Dependencies: ${pick(w, STORES)}, ${pick(w, STORES)}`,
    '',
  );
}

function pattern(w: Writer, i: number): void {
  w.out.push(
    `**${pick(w, ['Outbox', 'Saga', 'CQRS', 'Circuit breaker', 'Bulkhead', 'Strangler fig'])} ${i + 1}**`,
    `- Where: ${name(w, i)}`,
    `- Why: ${sentence(w)}`,
    `- Implementation: ${sentence(w)}`,
    '',
  );
}

function serviceRow(w: Writer, i: number): void {
  w.out.push(`| ${pick(w, AREAS)} provider ${i + 1} | ${pick(w, VERBS)} ${pick(w, OBJECTS)} | ${pick(w, ['High', 'Medium', 'Low'])} | ${pick(w, ['Queue and retry', 'Serve from cache', 'Degrade gracefully'])} |`);
}

function decision(w: Writer, i: number): void {
  // Defects: an impossible date, or the template's date placeholder left in.
  let when = date(w);
  if (w.defect()) when = w.rnd() < 0.5 ? when.slice(0, 5) + '13' + when.slice(7) : '[Date]';
  const fields = [
    `- **Context**: ${sentence(w)}`,
    `- **Decision**: ${sentence(w)}`,
    `- **Rationale**: ${sentence(w)}`,
    `- **Alternatives**: ${pick(w, STORES)}, ${pick(w, STORES)}`,
    `- **Consequences**: ${sentence(w)}`,
  ];
  // Defect: a required field left out.
  if (w.defect()) fields.splice(Math.floor(w.rnd() * fields.length), 1);
  w.out.push(`**${when} - ${pick(w, ['Adopt', 'Retire', 'Introduce', 'Split', 'Merge'])} ${pick(w, STORES)} for ${pick(w, OBJECTS)} (${i + 1})**`, ...fields, '');
}

function bullet(w: Writer): void {
  w.out.push(`- ${sentence(w)}`);
}

function paragraph(w: Writer): void {
  const n = 2 + Math.floor(w.rnd() * 3);
  for (let s = 0; s < n; s++) w.out.push(pick(w, PROSE));
  w.out.push('');
}

type Unit = (w: Writer, i: number) => void;

/**
 * The repeatable parts and their share of the lines beyond the fixed frame. A line count is
 * reached by writing units of each pool until its share is used up.
 */
interface Pools {
  overview: Unit;
  components: Unit;
  entities: Unit;
  relationships: Unit;
  endpoints: Unit;
  envRows: Unit;
  resources: Unit;
  flows: Unit;
  jobs: Unit;
  patterns: Unit;
  serviceRows: Unit;
  decisions: Unit;
  limitations: Unit;
}

const SHARES: Record<keyof Pools, number> = {
  overview: 0.04,
  components: 0.14,
  entities: 0.18,
  relationships: 0.03,
  endpoints: 0.13,
  envRows: 0.04,
  resources: 0.05,
  flows: 0.07,
  jobs: 0.06,
  patterns: 0.04,
  serviceRows: 0.03,
  decisions: 0.16,
  limitations: 0.03,
};

const POOLS: Pools = {
  overview: (w) => paragraph(w),
  components: component,
  entities: entity,
  relationships: (w, i) => w.out.push(`- ${name(w, i)} → ${name(w, i + 1)}: ${sentence(w)}`),
  endpoints: endpoint,
  envRows: envRow,
  resources: resource,
  flows: flow,
  jobs: job,
  patterns: pattern,
  serviceRows: serviceRow,
  decisions: decision,
  limitations: (w) => bullet(w),
};

/** The fixed frame's lines, measured once, so that the pools fill the rest. */
const FRAME_LINES = 240;

export interface GenerateOptions {
  /** About how many lines the document should have. */
  readonly lines: number;
  readonly seed?: number;
  /** Defects per repeatable unit, on average. */
  readonly defectRate?: number;
}

export function generateDocument(options: GenerateOptions): string {
  const rnd = prng(options.seed ?? 0x5eed);
  const rate = options.defectRate ?? 0.01;
  const w: Writer = { out: [], rnd, defect: () => rnd() < rate };
  const budget = Math.max(0, options.lines - FRAME_LINES);
  const fill = (pool: keyof Pools): void => {
    const stop = w.out.length + Math.round(budget * SHARES[pool]);
    for (let i = 0; w.out.length < stop || i === 0; i++) POOLS[pool](w, i);
  };
  const o = w.out;

  o.push('# Orbit Platform Architecture', '', 'Technical design documentation for Orbit Platform, the services behind checkout, billing and settlement.', '');
  o.push('## Overview', '');
  fill('overview');
  o.push('## System Architecture', '', '### Architecture Diagram', '', '```', 'Client → Edge Gateway → Services → PostgreSQL', '                  ↓', '            Kafka (events) → Projectors', '```', '');
  o.push('### Components', '');
  fill('components');
  o.push('## Data Model', '', '### Entities', '');
  fill('entities');
  // Defect: a heading typo of a template section.
  o.push('### Relationshps', '');
  fill('relationships');
  o.push('', '### Database Schema', '', '```sql', 'CREATE TABLE postings (', '  id UUID PRIMARY KEY,', '  account_id UUID NOT NULL,', '  amount BIGINT NOT NULL', ');', '```', '');
  o.push('**Indexes**:', '- Index on postings(account_id, created_at) for statements', '');
  o.push('## API Design', '', '### REST Endpoints', '');
  fill('endpoints');
  o.push('### API Conventions', '', '- Authentication with OAuth 2 client credentials', '- Errors follow RFC 9457 problem details', '- Cursor pagination with `next` tokens', '');
  o.push('## Infrastructure', '', '### Deployment Architecture', '', '- Kubernetes in two regions, three zones each', '- PostgreSQL with a synchronous standby per region', '');
  o.push('### Services and Resources', '');
  fill('resources');
  o.push('### Environment Variables', '', '| Variable | Purpose | Example | Required |', '|----------|---------|---------|----------|');
  fill('envRows');
  o.push('', '## Workflows', '', '### Key User Flows', '');
  fill('flows');
  o.push('### Background Jobs', '');
  fill('jobs');
  o.push('### State Machines', '', '```', 'Pending → Authorize → Authorized → Capture → Settled', '        → Decline → Declined', '```', '');
  o.push('## Design Patterns', '', '### Patterns Used', '');
  fill('patterns');
  o.push('### Code Organization', '', '```', 'cmd/        # binaries', 'internal/   # domain and adapters', '```', '');
  o.push('### Conventions', '', '- Errors wrap their cause with context', '- Structured logs in JSON', '');
  o.push('## Technology Stack', '', '### Languages and Frameworks', '', '- **Go**: 1.23, for static binaries', '- **TypeScript**: 5.9, for the web clients', '');
  o.push('### Tools and Services', '', '- **Testing**: go test, Testcontainers', '- **Monitoring**: Prometheus and Grafana', '');
  o.push('## Security', '', '### Authentication & Authorization', '', '- OAuth 2 with short-lived tokens', '- Scopes per merchant and per operation', '');
  o.push('### Data Protection', '', '- Disk encryption with KMS keys', '- TLS 1.3 everywhere', '');
  o.push('### Security Measures', '', '- Input validated against protobuf schemas', '- Parameterized SQL only', '');
  o.push('## Performance', '', '### Optimization Strategies', '', '- Balances cached per account', '- Batched inserts for multi-leg entries', '');
  o.push('### Scalability', '', '- Services scale horizontally behind the gateway', '- Accounts partition by merchant', '');
  o.push('## Testing', '', '### Testing Strategy', '', '**Unit Tests**', '- Posting rules and currency arithmetic', '');
  o.push('**Integration Tests**', '- Services against real PostgreSQL in Testcontainers', '', '**E2E Tests**', '- Checkout to settlement in a staging cluster', '');
  o.push('## Dependencies', '', '### External Services', '', '| Service | Purpose | Criticality | Fallback |', '|---------|---------|-------------|----------|');
  fill('serviceRows');
  o.push('', '### Third-Party Libraries', '', '- **pgx** (v5): PostgreSQL driver, chosen over lib/pq for performance', '- **franz-go** (v1): Kafka client', '');
  o.push('## Deployment', '', '### Build Process', '', '1. Build static binaries', '2. Build distroless images', '3. Sign images with cosign', '');
  o.push('### Deployment Steps', '', '1. Run database migrations', '2. Roll out with canaries', '');
  o.push('### Rollback Procedure', '', 'Abort the rollout; migrations stay backwards compatible for one release.', '');
  o.push('## Monitoring and Observability', '', '### Metrics', '', '- Checkout latency p99 under 300 ms', '- Unbalanced entry attempts per minute', '');
  o.push('### Logging', '', '- JSON logs shipped to Loki', '', '### Error Tracking', '', '- Sentry for panics and 5xx responses', '');
  o.push('## Decision Log', '', '### Major Architectural Decisions', '');
  fill('decisions');
  o.push('## Future Considerations', '', '### Known Limitations', '');
  fill('limitations');
  o.push('', '### Planned Improvements', '', '- Partition accounts by merchant', '', '### Technical Debt', '', '- Settlement files parsed by hand; replace with the SDK', '');
  // Defects: a date placeholder and a status outside its choices.
  o.push('---', '', '**Last Updated**: YYYY-MM-DD', '**Status**: Experimental', '');
  return o.join('\n');
}
