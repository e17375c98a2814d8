// Table tests for azure-subscription-owner.

import rule from '../../server/src/rules/permissions/azure-subscription-owner.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/rbac.tf';
const ra = (role: string, scope: string): string => `resource "azurerm_role_assignment" "a" {\n  ${role}\n  scope        = ${scope}\n  principal_id = var.principal\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'Owner on a resource group', path: TF, code: ra('role_definition_name = "Owner"', '"/subscriptions/0000/resourceGroups/app"') },
    { name: 'Reader on the subscription', path: TF, code: ra('role_definition_name = "Reader"', 'data.azurerm_subscription.current.id') },
    { name: 'scope from a resource group', path: TF, code: ra('role_definition_name = "Owner"', 'azurerm_resource_group.rg.id') },
  ],
  invalid: [
    { name: 'Owner on a literal subscription', path: TF, code: ra('role_definition_name = "Owner"', '"/subscriptions/00000000-0000-0000-0000-000000000000"'), errors: [{ line: 2, column: 26, endColumn: 33 }], output: null },
    { name: 'Owner on the current subscription', path: TF, code: ra('role_definition_name = "Owner"', 'data.azurerm_subscription.current.id'), errors: [{ line: 2, column: 26 }] },
    { name: 'User Access Administrator by id on a templated subscription', path: TF, code: ra('role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"', '"/subscriptions/${var.subscription_id}"'), errors: [{ line: 2, column: 24 }] },
    { name: 'Owner on a management group', path: TF, code: ra('role_definition_name = "Owner"', 'azurerm_management_group.root.id'), errors: [{ line: 2, column: 26 }] },
  ],
});
