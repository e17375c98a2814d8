// Managed databases and caches that open their public endpoint explicitly: Azure SQL, PostgreSQL, MySQL, MariaDB,
// Redis and Cosmos DB with `public_network_access_enabled = true`, Cloud SQL with a public IPv4 address.

import { oneOf, reportSettings, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const TRUE = oneOf(true, 'true');

const CHECKS: readonly SettingCheck[] = [
  {
    resources: [
      'azurerm_mssql_server', 'azurerm_sql_server', 'azurerm_postgresql_server', 'azurerm_postgresql_flexible_server', 'azurerm_mysql_server',
      'azurerm_mysql_flexible_server', 'azurerm_mariadb_server', 'azurerm_redis_cache', 'azurerm_cosmosdb_account', 'azurerm_synapse_workspace',
    ],
    path: ['public_network_access_enabled'],
    insecure: TRUE,
    secure: 'false',
    problem: 'the server takes connections from the internet, limited only by its firewall rules and credentials, so one broad firewall rule or leaked password is a breach',
    remedy: 'Set it to false and connect through a private endpoint or VNet integration',
  },
  {
    resources: ['google_sql_database_instance'],
    path: ['settings', 'ip_configuration', 'ipv4_enabled'],
    insecure: TRUE,
    secure: 'false',
    problem: 'the instance gets a public IPv4 address, reachable from every network its authorized networks list',
    remedy: 'Set it to false, give the instance a private IP (private_network) and connect through the Cloud SQL Auth Proxy',
  },
];

export default defineRule({
  id: 'database-public-network-access',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An Azure database, cache or Cloud SQL instance turns on its public network endpoint',
  cwe: [668],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
