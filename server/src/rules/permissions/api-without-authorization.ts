// API endpoints that anyone can call: API Gateway methods and HTTP API routes with authorization "NONE" (and no API
// key), Lambda function URLs with auth type "NONE".

import { attribute, literal } from '../../models/terraform.js';
import { resourceName, valueOf } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const TARGETS: readonly { type: string; key: string; what: string }[] = [
  { type: 'aws_api_gateway_method', key: 'authorization', what: 'method' },
  { type: 'aws_apigatewayv2_route', key: 'authorization_type', what: 'route' },
  { type: 'aws_lambda_function_url', key: 'authorization_type', what: 'function URL' },
];

export default defineRule({
  id: 'api-without-authorization',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'low',
  description: 'An API Gateway method or route, or a Lambda function URL, has authorization "NONE"',
  cwe: [306],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const t of TARGETS) {
      for (const r of tf.blocksOfType('resource', t.type)) {
        const a = attribute(r.body, t.key);
        if (!a) continue;
        const v = tf.values.resolve(a.value);
        if (typeof literal(v.expr) !== 'string' || (literal(v.expr) as string).toUpperCase() !== 'NONE') continue;
        // CORS preflight must be open; an API key is a (weak) gate of its own.
        if (t.type === 'aws_api_gateway_method' && (String(valueOf(tf, r, 'http_method')).toUpperCase() === 'OPTIONS' || valueOf(tf, r, 'api_key_required') === true)) continue;
        if (t.type === 'aws_apigatewayv2_route' && (valueOf(tf, r, 'api_key_required') === true || /^OPTIONS /i.test(String(valueOf(tf, r, 'route_key'))))) continue;
        ctx.report({
          range: v.range,
          message: `${resourceName(r)} sets ${t.key} = "NONE"${v.origin ? ` (${v.origin})` : ''}: anyone on the internet can call the ${t.what} and whatever it reaches (a Lambda, a database, an internal service) without credentials. Use an authorizer (IAM, Cognito, JWT, Lambda) unless the endpoint is meant to be public.`,
        });
      }
    }
  },
});
