// Credential slots: the places each platform reads a credential from, whatever the value looks like.
// A literal in a slot is a hardcoded credential unless it is a non-value (see values.ts).

import type { Assignment } from '../assignments.js';
import { textRoleOf } from '../text-file.js';
import { isCredentialName, isPasswordName } from './generic.js';

/** Why an assignment is a credential slot: shown in the message (`Terraform aws_db_instance.password`). */
export interface SlotInfo {
  readonly where: string;
  /** the slot holds a value that is not a password but a structured secret (a key, a JSON document): never "weak". */
  readonly structured?: boolean;
  /** the value is base64 of `user:password` (docker `auth`): the password part decides. */
  readonly basicAuth?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Terraform

/**
 * Resource (and data source) attributes that hold a credential although their name alone does not say so, or says it
 * only in a provider's own words. Keys are resource types; values are attribute paths below the resource (nested
 * block names and the attribute, joined by `.`; `*` for a map whose every value is a credential).
 */
export const TERRAFORM_RESOURCE_SLOTS: Readonly<Record<string, readonly string[]>> = {
  // AWS
  aws_db_instance: ['password'],
  aws_rds_cluster: ['master_password'],
  aws_docdb_cluster: ['master_password'],
  aws_docdbelastic_cluster: ['admin_user_password'],
  aws_neptune_cluster: ['master_password'],
  aws_redshift_cluster: ['master_password'],
  aws_redshiftserverless_namespace: ['admin_user_password'],
  aws_lightsail_database: ['master_password'],
  aws_elasticache_replication_group: ['auth_token'],
  aws_elasticache_user: ['passwords'],
  aws_memorydb_user: ['authentication_mode.passwords'],
  aws_mq_broker: ['user.password'],
  aws_opensearch_domain: ['advanced_security_options.master_user_options.master_user_password'],
  aws_elasticsearch_domain: ['advanced_security_options.master_user_options.master_user_password'],
  aws_directory_service_directory: ['password'],
  aws_dms_endpoint: ['password'],
  aws_secretsmanager_secret_version: ['secret_string'],
  aws_ssm_parameter: ['value'],
  aws_codebuild_source_credential: ['token'],
  aws_amplify_app: ['access_token', 'oauth_token', 'basic_auth_credentials'],
  aws_amplify_branch: ['basic_auth_credentials'],
  aws_datasync_location_smb: ['password'],
  aws_fsx_windows_file_system: ['self_managed_active_directory.password'],
  aws_fsx_ontap_storage_virtual_machine: ['active_directory_configuration.self_managed_active_directory_configuration.password'],
  aws_glue_connection: ['connection_properties.PASSWORD'],
  aws_quicksight_data_source: ['credentials.credential_pair.password'],
  aws_kinesis_firehose_delivery_stream: ['http_endpoint_configuration.access_key', 'splunk_configuration.hec_token'],
  aws_appsync_api_key: ['key'],
  aws_iam_user_login_profile: ['password'],
  // Azure
  azurerm_mssql_server: ['administrator_login_password'],
  azurerm_sql_server: ['administrator_login_password'],
  azurerm_mssql_managed_instance: ['administrator_login_password'],
  azurerm_sql_managed_instance: ['administrator_login_password'],
  azurerm_postgresql_server: ['administrator_login_password'],
  azurerm_postgresql_flexible_server: ['administrator_password'],
  azurerm_mysql_server: ['administrator_login_password'],
  azurerm_mysql_flexible_server: ['administrator_password'],
  azurerm_mariadb_server: ['administrator_login_password'],
  azurerm_synapse_workspace: ['sql_administrator_login_password'],
  azurerm_linux_virtual_machine: ['admin_password'],
  azurerm_windows_virtual_machine: ['admin_password'],
  azurerm_linux_virtual_machine_scale_set: ['admin_password'],
  azurerm_windows_virtual_machine_scale_set: ['admin_password'],
  azurerm_virtual_machine: ['os_profile.admin_password'],
  azurerm_virtual_machine_scale_set: ['os_profile.admin_password'],
  azurerm_kubernetes_cluster: ['windows_profile.admin_password', 'service_principal.client_secret'],
  azurerm_key_vault_secret: ['value'],
  azurerm_automation_credential: ['password'],
  azurerm_container_group: ['image_registry_credential.password'],
  azurerm_virtual_network_gateway_connection: ['shared_key'],
  azurerm_vpn_gateway_connection: ['vpn_link.shared_key'],
  azurerm_hdinsight_hadoop_cluster: ['gateway.password', 'roles.head_node.password', 'roles.worker_node.password', 'roles.zookeeper_node.password'],
  azurerm_hdinsight_spark_cluster: ['gateway.password', 'roles.head_node.password', 'roles.worker_node.password', 'roles.zookeeper_node.password'],
  azurerm_hdinsight_kafka_cluster: ['gateway.password', 'roles.head_node.password', 'roles.worker_node.password', 'roles.zookeeper_node.password'],
  azurerm_dev_test_linux_virtual_machine: ['password'],
  azurerm_dev_test_windows_virtual_machine: ['password'],
  azurerm_data_factory_linked_service_sql_server: ['password'],
  azurerm_data_factory_linked_service_azure_sql_database: ['password'],
  azurerm_api_management_backend: ['credentials.authorization.parameter'],
  azuread_service_principal_password: ['value'],
  azuread_application_password: ['value'],
  // Google Cloud
  google_sql_user: ['password'],
  google_sql_database_instance: ['root_password'],
  google_secret_manager_secret_version: ['secret_data'],
  google_compute_disk: ['disk_encryption_key.raw_key', 'disk_encryption_key.rsa_encrypted_key'],
  google_compute_instance: ['boot_disk.disk_encryption_key_raw', 'attached_disk.disk_encryption_key_raw'],
  google_compute_image: ['image_encryption_key.raw_key'],
  google_compute_snapshot: ['snapshot_encryption_key.raw_key'],
  google_storage_bucket_object: ['customer_encryption.encryption_key'],
  google_container_cluster: ['master_auth.password'],
  google_compute_vpn_tunnel: ['shared_secret'],
  google_bigquery_connection: ['cloud_sql.credential.password'],
  google_monitoring_notification_channel: ['sensitive_labels.auth_token', 'sensitive_labels.password', 'sensitive_labels.service_key'],
  // Other providers
  github_actions_secret: ['plaintext_value'],
  github_actions_organization_secret: ['plaintext_value'],
  github_actions_environment_secret: ['plaintext_value'],
  github_dependabot_secret: ['plaintext_value'],
  github_codespaces_secret: ['plaintext_value'],
  kubernetes_secret: ['data.*', 'binary_data.*'],
  kubernetes_secret_v1: ['data.*', 'binary_data.*'],
  vault_generic_secret: ['data_json'],
  vault_kv_secret_v2: ['data_json'],
  heroku_app: ['sensitive_config_vars.*'],
  helm_release: ['set_sensitive.value', 'repository_password'],
  cloudflare_worker_secret: ['secret_text'],
  cloudflare_workers_secret: ['secret_text'],
  mysql_user: ['plaintext_password'],
  postgresql_role: ['password'],
  mongodbatlas_database_user: ['password'],
  rabbitmq_user: ['password'],
  snowflake_user: ['password'],
  datadog_synthetics_test: ['request_basicauth.password'],
};

/** Provider block attributes that hold a credential (`provider "aws" { secret_key = "…" }`); `*` for every provider. */
export const TERRAFORM_PROVIDER_SLOTS: Readonly<Record<string, readonly string[]>> = {
  '*': ['token', 'api_key', 'api_token', 'access_token', 'auth_token', 'client_secret', 'secret_key', 'private_key', 'app_key', 'password', 'secret', 'credentials'],
  aws: ['secret_key', 'token'],
  azurerm: ['client_secret', 'client_certificate_password'],
  azuread: ['client_secret', 'client_certificate_password'],
  google: ['credentials', 'access_token'],
  'google-beta': ['credentials', 'access_token'],
  kubernetes: ['token', 'client_key', 'password'],
  helm: ['kubernetes.token', 'kubernetes.client_key', 'kubernetes.password'],
  vault: ['token', 'auth_login.parameters.password', 'auth_login.parameters.secret_id'],
  consul: ['token', 'http_auth'],
  nomad: ['secret_id'],
  grafana: ['auth'],
  newrelic: ['api_key', 'admin_api_key', 'insights_insert_key'],
  pagerduty: ['token', 'user_token'],
  datadog: ['api_key', 'app_key'],
  cloudflare: ['api_token', 'api_key', 'api_user_service_key'],
  fastly: ['api_key'],
  alicloud: ['secret_key', 'security_token'],
  oci: ['private_key', 'private_key_password'],
  vsphere: ['password'],
  mongodbatlas: ['private_key'],
  snowflake: ['password', 'private_key', 'private_key_passphrase', 'oauth_client_secret'],
  databricks: ['token', 'password', 'client_secret'],
  okta: ['api_token', 'private_key'],
  auth0: ['client_secret', 'api_token'],
  spotinst: ['token'],
  opsgenie: ['api_key'],
  sentry: ['token'],
  tfe: ['token'],
  hcp: ['client_secret'],
  heroku: ['api_key'],
  linode: ['token'],
  hcloud: ['token'],
  digitalocean: ['token', 'spaces_secret_key'],
  github: ['token', 'app_auth.pem_file'],
  gitlab: ['token'],
  mysql: ['password'],
  postgresql: ['password'],
  rabbitmq: ['password'],
};

/** The resource type of a `resource "type" "name"` / `data "type" "name"` block header, the provider of `provider "name"`. */
const TF_HEADER = /^(resource|data|provider|module|variable|locals|output)(?: "([^"]*)")?/;

/** `DB_PASSWORD`: the name of an environment variable (upper case, digits, underscores). */
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

function terraformSlot(a: Assignment, ctx: SlotContext): SlotInfo | undefined {
  const path = a.path as readonly string[];
  if (a.source === 'terraform-variable-default') {
    return isCredentialName(a.key) || ctx.sensitiveVariables?.has(a.key) ? { where: `Terraform variable "${a.key}" (default)` } : undefined;
  }
  const header = path[0];
  if (header === undefined) {
    // a .tfvars file: the values of variables
    return isCredentialName(a.key) ? { where: `Terraform variable ${a.key}` } : undefined;
  }
  const m = TF_HEADER.exec(header);
  if (!m) return undefined;
  const blockType = m[1]!;
  const label = m[2] ?? '';
  // attribute path below the block: nested block and map names (`data=` is the map attribute `data`; '' an unnamed
  // brace), worked out only where a slot table or a message needs it (most attributes need neither)
  const below = (): string[] => path.slice(1).filter((p) => p !== '').map((p) => (p.endsWith('=') ? p.slice(0, -1) : p));
  const inner = (): string => [...below(), a.key].join('.');
  const inMap = path.length > 1 && path[path.length - 1]!.endsWith('=');
  // `{ name = "DB_PASSWORD", value = "…" }` (ECS container definitions, env lists in locals, Kubernetes env blocks)
  const envName = a.key === 'value' ? ctx.sibling?.(a, 'name') : undefined;
  if (envName !== undefined && isCredentialName(envName)) return { where: `environment variable ${envName} in Terraform ${label || blockType}` };
  if (blockType === 'resource' || blockType === 'data') {
    const slots = TERRAFORM_RESOURCE_SLOTS[label];
    const at = slots ? inner() : '';
    if (slots && (slots.includes(at) || slots.includes([...below(), '*'].join('.')))) {
      // An SSM parameter is a secret only as a SecureString.
      if (label === 'aws_ssm_parameter' && ctx.sibling?.(a, 'type') !== 'SecureString') return undefined;
      return { where: `Terraform ${label}.${at}`, structured: /data_json|secret_string|secret_data|raw_key|encryption_key/.test(at) };
    }
  } else if (blockType === 'provider') {
    const slots = TERRAFORM_PROVIDER_SLOTS[label] ?? [];
    if ((slots.length > 0 && slots.includes(inner())) || (path.length === 1 && TERRAFORM_PROVIDER_SLOTS['*']!.includes(a.key))) return { where: `Terraform provider "${label}" ${inner()}` };
  } else if (blockType === 'locals' || blockType === 'module') {
    if (isCredentialName(a.key)) return { where: blockType === 'locals' ? `Terraform local ${a.key}` : `Terraform module "${label}" input ${a.key}` };
    return undefined;
  } else return undefined;
  // Any block: an attribute named as a password, and environment maps (`variables = { DB_PASSWORD = "…" }`).
  if (isPasswordName(a.key)) return { where: `Terraform ${label ? `${label}.` : ''}${inner()}` };
  if (ENV_NAME.test(a.key) && isCredentialName(a.key) && inMap) return { where: `environment variable ${a.key} in Terraform ${label}` };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// YAML kinds

/** Maps whose entries are environment variables, action inputs or registry credentials. */
const ENV_CONTAINERS = new Set([
  'env',
  'environment',
  'variables',
  'env_variables',
  'environment_variables',
  'envvars',
  'env_vars',
  'envVars',
  'environmentVariables',
  'extraEnv',
  'extraEnvVars',
  'args',
  'build_args',
  'buildArgs',
  'with',
  'secrets',
  'credentials',
  'auth',
]);

/** Keys of a Kubernetes Secret that say where to connect, not how to prove who you are. */
const NOT_SECRET_KEY = /(?:^|[-_.])(?:user|username|login|host|hostname|port|url|uri|endpoint|database|db|name|email|region|id|namespace|type|server|address|ca\.crt|tls\.crt|cert|certificate)$/i;

/** kubeconfig `users[].user` fields that are credentials. */
const KUBECONFIG_USER = new Set(['token', 'password', 'client-key-data', 'client-key']);
const KUBECONFIG_AUTH_PROVIDER = new Set(['client-secret', 'refresh-token', 'id-token', 'access-token']);

/** Well-known configuration keys (Spring, Quarkus …) that hold a credential, as dotted paths; `*` is one segment. */
const CONFIG_SLOTS: readonly RegExp[] = [
  /^(?:spring\.)?(?:datasource|r2dbc|flyway|liquibase|mail|rabbitmq|redis|data\.redis|data\.mongodb|data\.elasticsearch|elasticsearch|kafka\.properties\.sasl|jpa\.properties\.hibernate\.connection)(?:\.[\w-]+)?\.password$/i,
  /^quarkus\.(?:datasource|mailer|redis|rabbitmq|mongodb)(?:\.[\w-]+)?\.password$/i,
  /^server\.ssl\.(?:key-store-password|key-password|trust-store-password)$/i,
  /^spring\.security\.oauth2\.client\.registration\.[\w-]+\.client-secret$/i,
];

/** How every CONFIG_SLOTS pattern ends (a key that does not cannot be one). */
const CONFIG_SLOT_END = /(?:password|client-secret)$/i;

function yamlSlot(kind: string, a: Assignment): SlotInfo | undefined {
  const path = a.path;
  if (a.source === 'k8s-secret-data' || a.source === 'k8s-secret-string') {
    return NOT_SECRET_KEY.test(a.key) ? undefined : { where: `Kubernetes Secret key '${a.key}'`, structured: a.key.startsWith('.') || a.key.endsWith('.json') };
  }
  if (a.docKind === 'ConfigMap' && path[0] === 'data' && path.length === 1) {
    return isCredentialName(a.key) ? { where: `ConfigMap key '${a.key}' (a ConfigMap is not encrypted and readable by anyone who can read the namespace's config)` } : undefined;
  }
  if (a.docKind === 'Config' && path[0] === 'users') {
    if (path[path.length - 1] === 'user' && KUBECONFIG_USER.has(a.key)) return { where: `kubeconfig user ${a.key}`, structured: a.key.startsWith('client-key') };
    if (path[path.length - 1] === 'config' && path[path.length - 2] === 'auth-provider' && KUBECONFIG_AUTH_PROVIDER.has(a.key)) return { where: `kubeconfig auth-provider ${a.key}` };
  }
  if (a.source === 'k8s-env' || a.source === 'name-value') {
    return isCredentialName(a.key) ? { where: a.source === 'k8s-env' ? `environment variable ${a.key}` : `variable ${a.key}` } : undefined;
  }
  // `.docker/config.json` / `.dockerconfigjson`: `auths.<registry>.auth` (base64 user:password) and tokens.
  if (path[0] === 'auths' && path.length === 2 && (a.key === 'auth' || a.key === 'identitytoken' || a.key === 'registrytoken' || a.key === 'password')) {
    return { where: `registry credentials for ${String(path[1])}`, basicAuth: a.key === 'auth' };
  }
  // GitLab `variables: { KEY: { value: … } }` and action.yml `inputs: { token: { default: … } }`
  const parent = path[path.length - 1];
  const grand = path[path.length - 2];
  if (a.key === 'value' && grand === 'variables' && typeof parent === 'string') return isCredentialName(parent) ? { where: `variable ${parent}` } : undefined;
  if (a.key === 'default' && grand === 'inputs' && kind === 'github-action' && typeof parent === 'string') return isCredentialName(parent) ? { where: `input '${parent}' (default)` } : undefined;
  const container = a.source === 'yaml-list' ? grand : parent;
  if (typeof container === 'string' && ENV_CONTAINERS.has(container) && isCredentialName(a.key)) {
    const what = container === 'with' ? `input '${a.key}'` : container === 'credentials' || container === 'auth' ? `registry ${container} ${a.key}` : `${container === 'args' || container === 'build_args' || container === 'buildArgs' ? 'build argument' : 'variable'} ${a.key}`;
    return { where: what };
  }
  // Bitbucket `image: { name, username, password }`
  if (kind === 'bitbucket-pipelines' && parent === 'image' && a.key === 'password') return { where: 'image registry password' };
  // Dependabot `registries: { <name>: { password | token | key } }` (the documented form is `${{secrets.X}}`)
  if (kind === 'dependabot' && path[0] === 'registries' && path.length === 2 && (a.key === 'password' || a.key === 'token' || a.key === 'key')) {
    return { where: `Dependabot registry '${String(path[1])}' ${a.key}` };
  }
  // Every configuration slot ends in `password` or `client-secret`: the dotted path is built only for such a key.
  if (!CONFIG_SLOT_END.test(a.key)) return undefined;
  const dotted = [...path.filter((p): p is string => typeof p === 'string'), a.key].join('.');
  if (CONFIG_SLOTS.some((re) => re.test(dotted))) return { where: `configuration key ${dotted}` };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------

/** Where a credential-named entry of a `text` file is a slot: files that exist to hold credentials or an environment. */
function textSlot(path: string, a: Assignment): SlotInfo | undefined {
  const role = textRoleOf(path);
  if (role === 'credentials') {
    // `.npmrc`: `//registry/:_authToken`, `_auth`, `_password`; `.yarnrc.yml`: `npmAuthToken`
    const key = a.key.slice(a.key.lastIndexOf(':') + 1);
    if (isCredentialName(key) || /^_(?:auth|password|authToken)$/i.test(key) || key === 'npmAuthIdent') {
      return { where: a.key.includes('/') ? `registry credential ${key}` : `'${a.key}' in ${path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1)}` };
    }
    return undefined;
  }
  if (CONFIG_SLOTS.some((re) => re.test(a.key))) return { where: `configuration key ${a.key}` };
  return undefined;
}

/** What slot classification needs besides the assignment itself. */
export interface SlotContext {
  readonly kind: string;
  readonly path: string;
  /** Terraform: the literal value of another attribute of the same block. */
  readonly sibling?: (a: Assignment, key: string) => string | undefined;
  /** Terraform: variables declared `sensitive = true`. */
  readonly sensitiveVariables?: ReadonlySet<string>;
}

/** The slot an assignment fills, or undefined when it is not one (then only the entropy-based rule looks at it). */
export function slotOf(ctx: SlotContext, a: Assignment): SlotInfo | undefined {
  const { kind, path } = ctx;
  switch (a.source) {
    case 'terraform-attribute':
    case 'terraform-variable-default':
      return terraformSlot(a, ctx);
    case 'dockerfile-env':
    case 'dockerfile-arg':
      return isCredentialName(a.key) ? { where: `${a.source === 'dockerfile-env' ? 'ENV' : 'ARG'} ${a.key}` } : undefined;
    case 'text-entry':
      return textSlot(path, a);
    default: {
      const y = yamlSlot(kind, a);
      if (y || kind !== 'text') return y;
      // JSON/YAML files that exist to hold credentials (`.tfvars.json`, kubeconfig, docker config): credential names are slots.
      return textRoleOf(path) === 'credentials' && isCredentialName(a.key) ? { where: `entry ${a.key}` } : undefined;
    }
  }
}

/** Every pattern above, for the ReDoS check in the tests. */
export const SLOT_PATTERNS: readonly RegExp[] = [TF_HEADER, ENV_NAME, NOT_SECRET_KEY, CONFIG_SLOT_END, ...CONFIG_SLOTS];
