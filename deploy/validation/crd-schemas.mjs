// Minimal JSON Schemas for the custom resources that have no npm model package (Strimzi, CloudNativePG,
// the Barman Cloud plugin, the Keycloak operator). Written by hand from the operators' documented APIs:
// they check the fields this repository uses (types, enums, required fields, and no unknown field in
// the parts marked strict) — a typo or a wrong type fails validation. They do NOT replace the real CRDs:
// `kubectl apply --dry-run=server` against a cluster with the operators installed is the full check.
// Supported versions: Strimzi >= 0.46 (kafka.strimzi.io/v1beta2, KRaft, node pools), CloudNativePG
// >= 1.27 with the Barman Cloud plugin >= 0.6, Keycloak operator >= 26 (k8s.keycloak.org/v2alpha1).

const str = { type: 'string', minLength: 1 };
const int = (min = 0) => ({ type: 'integer', minimum: min });
const bool = { type: 'boolean' };
const quantity = { anyOf: [{ type: 'string', pattern: '^[0-9.]+(m|k|Ki|M|Mi|G|Gi|T|Ti)?$' }, { type: 'integer' }] };
const strict = (properties, required = []) => ({ type: 'object', additionalProperties: false, properties, required });
const loose = (properties = {}, required = []) => ({ type: 'object', properties, required });
const resources = strict({
  requests: loose({ cpu: quantity, memory: quantity }),
  limits: loose({ cpu: quantity, memory: quantity }),
  claims: { type: 'array' },
});
const secretKeyRef = strict({ name: str, key: str }, ['name', 'key']);
const metadata = loose({ name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 }, namespace: str,
  labels: { type: 'object', additionalProperties: { type: 'string' } },
  annotations: { type: 'object', additionalProperties: { type: 'string' } } }, ['name']);
const obj = (apiVersion, kind, spec, { clusterLabel = false } = {}) => {
  const s = {
    type: 'object', additionalProperties: false, required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: { apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, spec },
  };
  if (clusterLabel) {
    s.properties.metadata = { allOf: [metadata, { type: 'object', required: ['labels'],
      properties: { labels: { type: 'object', required: ['strimzi.io/cluster'] } } }] };
  }
  return s;
};

// ---------------- Strimzi ----------------
const kafkaConfig = { type: 'object', additionalProperties: { type: ['string', 'integer', 'number', 'boolean'] } };
const scram = strict({ type: { enum: ['scram-sha-512', 'tls', 'tls-external', 'custom'] } }, ['type']);
const listener = strict({
  name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' }, port: int(9092), type: { enum: ['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'] },
  tls: bool, authentication: scram, configuration: loose(), networkPolicyPeers: { type: 'array' },
}, ['name', 'port', 'type', 'tls']);
const volume = strict({
  id: int(0), type: { enum: ['persistent-claim', 'ephemeral'] }, size: quantity, class: str, deleteClaim: bool,
  kraftMetadata: { enum: ['shared'] }, selector: loose(), sizeLimit: quantity,
}, ['type']);
const storage = strict({ type: { enum: ['jbod', 'persistent-claim', 'ephemeral'] }, volumes: { type: 'array', items: volume, minItems: 1 },
  size: quantity, deleteClaim: bool, class: str }, ['type']);
const Kafka = obj('kafka.strimzi.io/v1beta2', 'Kafka', strict({
  kafka: strict({
    version: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' }, metadataVersion: str,
    listeners: { type: 'array', minItems: 1, items: listener },
    authorization: strict({ type: { enum: ['simple', 'opa', 'keycloak', 'custom'] }, superUsers: { type: 'array', items: str } }, ['type']),
    config: kafkaConfig, resources, template: loose(), metricsConfig: loose(), rack: loose(), logging: loose(),
  }, ['listeners']),
  entityOperator: strict({ topicOperator: loose(), userOperator: loose(), template: loose() }),
  kafkaExporter: strict({ topicRegex: str, groupRegex: str, topicExcludeRegex: str, groupExcludeRegex: str, resources, template: loose(), logging: str, enableSaramaLogging: bool }),
  cruiseControl: loose(),
}, ['kafka']));
const KafkaNodePool = obj('kafka.strimzi.io/v1beta2', 'KafkaNodePool', strict({
  replicas: int(0), roles: { type: 'array', minItems: 1, items: { enum: ['controller', 'broker'] } },
  storage, resources, template: loose(), jvmOptions: loose(),
}, ['replicas', 'roles', 'storage']), { clusterLabel: true });
const KafkaTopic = obj('kafka.strimzi.io/v1beta2', 'KafkaTopic', strict({
  topicName: { type: 'string', pattern: '^[a-zA-Z0-9._-]{1,249}$' }, partitions: int(1), replicas: { type: 'integer', minimum: 1, maximum: 32767 },
  config: kafkaConfig,
}, ['partitions', 'replicas']), { clusterLabel: true });
const aclOps = { enum: ['Read', 'Write', 'Create', 'Delete', 'Alter', 'Describe', 'ClusterAction', 'AlterConfigs', 'DescribeConfigs', 'IdempotentWrite', 'All'] };
const acl = strict({
  resource: strict({ type: { enum: ['topic', 'group', 'cluster', 'transactionalId'] }, name: str, patternType: { enum: ['literal', 'prefix'] } }, ['type']),
  operations: { type: 'array', minItems: 1, items: aclOps }, host: str, type: { enum: ['allow', 'deny'] },
}, ['resource', 'operations']);
const KafkaUser = obj('kafka.strimzi.io/v1beta2', 'KafkaUser', strict({
  authentication: strict({ type: { enum: ['scram-sha-512', 'tls', 'tls-external'] }, password: loose() }, ['type']),
  authorization: strict({ type: { const: 'simple' }, acls: { type: 'array', items: acl } }, ['type', 'acls']),
  quotas: loose(), template: loose(),
}), { clusterLabel: true });

// ---------------- CloudNativePG + Barman Cloud plugin ----------------
const Cluster = obj('postgresql.cnpg.io/v1', 'Cluster', strict({
  instances: int(1), imageName: str, primaryUpdateStrategy: { enum: ['unsupervised', 'supervised'] },
  storage: strict({ size: quantity, storageClass: str, resizeInUseVolumes: bool }, ['size']),
  walStorage: strict({ size: quantity, storageClass: str }),
  bootstrap: strict({ initdb: strict({ database: str, owner: str, secret: strict({ name: str }, ['name']), encoding: str, localeCollate: str, localeCType: str }), recovery: loose(), pg_basebackup: loose() }),
  resources, affinity: loose({ enablePodAntiAffinity: bool, topologyKey: str, podAntiAffinityType: { enum: ['preferred', 'required'] } }),
  plugins: { type: 'array', items: strict({ name: str, enabled: bool, isWALArchiver: bool, parameters: { type: 'object', additionalProperties: { type: 'string' } } }, ['name']) },
  postgresql: loose(), monitoring: loose(), backup: loose(), externalClusters: { type: 'array' }, managed: loose(),
  superuserSecret: strict({ name: str }, ['name']), enableSuperuserAccess: bool, description: str,
}, ['instances', 'storage']));
const ObjectStore = obj('barmancloud.cnpg.io/v1', 'ObjectStore', strict({
  retentionPolicy: { type: 'string', pattern: '^[1-9][0-9]*[dwm]$' },
  configuration: strict({
    destinationPath: { type: 'string', pattern: '^(s3|gs|https?)://' }, endpointURL: { type: 'string', pattern: '^https?://' },
    s3Credentials: strict({ accessKeyId: secretKeyRef, secretAccessKey: secretKeyRef, region: secretKeyRef, sessionToken: secretKeyRef, inheritFromIAMRole: bool }),
    azureCredentials: loose(), googleCredentials: loose(), endpointCA: secretKeyRef,
    wal: strict({ compression: { enum: ['gzip', 'bzip2', 'snappy', 'lz4', 'xz', 'zstd'] }, maxParallel: int(1), encryption: str }),
    data: strict({ compression: { enum: ['gzip', 'bzip2', 'snappy'] }, jobs: int(1), encryption: str, immediateCheckpoint: bool }),
  }, ['destinationPath']),
  instanceSidecarConfiguration: loose(),
}, ['configuration']));
const ScheduledBackup = obj('postgresql.cnpg.io/v1', 'ScheduledBackup', strict({
  schedule: { type: 'string', pattern: '^(\\S+\\s+){5}\\S+$' }, // six fields: seconds first
  cluster: strict({ name: str }, ['name']), backupOwnerReference: { enum: ['none', 'self', 'cluster'] },
  method: { enum: ['barmanObjectStore', 'volumeSnapshot', 'plugin'] }, immediate: bool, suspend: bool, target: { enum: ['primary', 'prefer-standby'] },
  pluginConfiguration: strict({ name: str, parameters: { type: 'object', additionalProperties: { type: 'string' } } }, ['name']),
}, ['schedule', 'cluster']));

// ---------------- Keycloak operator ----------------
const Keycloak = obj('k8s.keycloak.org/v2alpha1', 'Keycloak', strict({
  instances: int(1), image: str,
  db: strict({ vendor: { enum: ['postgres', 'mysql', 'mariadb', 'mssql', 'oracle', 'dev-file'] }, host: str, port: int(1), database: str,
    usernameSecret: secretKeyRef, passwordSecret: secretKeyRef, schema: str, url: str, poolMinSize: int(0), poolMaxSize: int(1) }, ['vendor']),
  http: strict({ httpEnabled: bool, httpPort: int(1), httpsPort: int(1), tlsSecret: str }),
  hostname: strict({ hostname: { type: 'string', pattern: '^https?://[^/]+$' }, admin: str, strict: bool, backchannelDynamic: bool }),
  proxy: strict({ headers: { enum: ['forwarded', 'xforwarded'] } }),
  ingress: strict({ enabled: bool, className: str, annotations: loose() }),
  resources, features: loose(), additionalOptions: { type: 'array', items: loose({ name: str }, ['name']) },
  unsupported: loose(), transaction: loose(), cache: loose(), scheduling: loose(),
}, ['db']));
const KeycloakRealmImport = obj('k8s.keycloak.org/v2alpha1', 'KeycloakRealmImport', strict({
  keycloakCRName: str,
  realm: loose({ realm: str, enabled: bool, clients: { type: 'array' }, users: { type: 'array' }, roles: loose() }, ['realm']),
  placeholders: { type: 'object', additionalProperties: strict({ secret: secretKeyRef }, ['secret']) },
  resources,
}, ['keycloakCRName', 'realm']));

export const crdSchemas = {
  'kafka.strimzi.io/v1beta2/Kafka': Kafka,
  'kafka.strimzi.io/v1beta2/KafkaNodePool': KafkaNodePool,
  'kafka.strimzi.io/v1beta2/KafkaTopic': KafkaTopic,
  'kafka.strimzi.io/v1beta2/KafkaUser': KafkaUser,
  'postgresql.cnpg.io/v1/Cluster': Cluster,
  'postgresql.cnpg.io/v1/ScheduledBackup': ScheduledBackup,
  'barmancloud.cnpg.io/v1/ObjectStore': ObjectStore,
  'k8s.keycloak.org/v2alpha1/Keycloak': Keycloak,
  'k8s.keycloak.org/v2alpha1/KeycloakRealmImport': KeycloakRealmImport,
};
