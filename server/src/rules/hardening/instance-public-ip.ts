// Instances, launch templates and subnets that give machines a public IP address: `associate_public_ip_address = true`,
// `map_public_ip_on_launch = true`, a GCP `access_config` block, an Azure NIC with a public IP.

import { attribute, blocksOf, literal } from '../../models/terraform.js';
import { oneOf, reportSettings, resourceName, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const TRUE = oneOf(true, 'true');
const WHY = 'every machine it starts is reachable from the internet wherever a security group rule lets traffic in, and its outbound traffic skips any NAT egress controls';

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_instance', 'aws_launch_configuration', 'aws_spot_instance_request'],
    path: ['associate_public_ip_address'],
    insecure: TRUE,
    secure: 'false',
    problem: WHY,
    remedy: 'Set it to false and reach the instance through a load balancer, a bastion or SSM Session Manager',
  },
  {
    resources: ['aws_launch_template'],
    path: ['network_interfaces', 'associate_public_ip_address'],
    insecure: TRUE,
    secure: 'false',
    problem: WHY,
    remedy: 'Set it to false and reach the instances through a load balancer, a bastion or SSM Session Manager',
  },
  {
    resources: ['aws_subnet', 'aws_default_subnet'],
    path: ['map_public_ip_on_launch'],
    insecure: TRUE,
    secure: 'false',
    problem: 'every instance launched into it gets a public IP unless it opts out, so a machine meant to be private can be reachable from the internet',
    remedy: 'Set it to false and give public IPs only to the instances that need one',
  },
];

export default defineRule({
  id: 'instance-public-ip',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'low',
  description: 'An instance, launch template or subnet gives machines a public IP address',
  cwe: [668],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of tf.blocksOfType('resource')) {
      const type = r.labels[0]?.value;
      if (type === 'google_compute_instance' || type === 'google_compute_instance_template' || type === 'google_compute_region_instance_template') {
        for (const ni of blocksOf(r.body, 'network_interface')) {
          for (const ac of blocksOf(ni.body, 'access_config')) {
            ctx.report({ range: ac.typeRange, message: `${resourceName(r)} has an access_config block: the VM gets an external IP, so ${WHY}. Remove access_config and use Cloud NAT for egress and IAP or a load balancer for access.` });
          }
        }
      } else if (type === 'azurerm_network_interface') {
        for (const ip of blocksOf(r.body, 'ip_configuration')) {
          const pub = attribute(ip.body, 'public_ip_address_id');
          if (!pub || literal(tf.values.resolve(pub.value).expr) === null) continue;
          ctx.report({ range: pub.nameRange, message: `${resourceName(r)} attaches a public IP address: the VM behind it is reachable from the internet wherever its network security group lets traffic in. Remove public_ip_address_id and use Azure Bastion, a load balancer or a NAT gateway.` });
        }
      }
    }
  },
});
