// The registry: every rule Forewarn ships, in a stable order.

import type { Rule } from './define.js';
import awsEc2Imdsv1 from './hardening/ec2-imdsv1.js';
import azureStorageMinTls from './hardening/azure-storage-min-tls.js';
import ingressOpenToInternet from './hardening/ingress-open-to-internet.js';
import rdsPubliclyAccessible from './hardening/rds-publicly-accessible.js';
import storageEncryptionDisabled from './hardening/storage-encryption-disabled.js';
import azureStoragePublicAccess from './permissions/azure-storage-public-access.js';
import gcpBasicRole from './permissions/gcp-basic-role.js';
import gcpPublicIamMember from './permissions/gcp-public-iam-member.js';
import iamPublicPrincipal from './permissions/iam-public-principal.js';
import iamWildcardPolicy from './permissions/iam-wildcard-policy.js';
import s3PublicAccessBlockDisabled from './permissions/s3-public-access-block-disabled.js';
import s3PublicAcl from './permissions/s3-public-acl.js';
import composeDangerousCapabilities from './hardening/compose-dangerous-capabilities.js';
import composeDockerSocket from './hardening/compose-docker-socket.js';
import composeHostNamespaces from './hardening/compose-host-namespaces.js';
import composePrivileged from './hardening/compose-privileged.js';
import composeUnconfinedSecurity from './hardening/compose-unconfined-security.js';
import dockerfileAddLocal from './hardening/dockerfile-add-local.js';
import dockerfileChmod777 from './hardening/dockerfile-chmod-777.js';
import dockerfileExposeSsh from './hardening/dockerfile-expose-ssh.js';
import dockerfileNoUser from './hardening/dockerfile-no-user.js';
import dockerfileRootUser from './hardening/dockerfile-root-user.js';
import dockerfileSudo from './hardening/dockerfile-sudo.js';
import k8sDangerousCapabilities from './hardening/k8s-dangerous-capabilities.js';
import k8sHostNamespaces from './hardening/k8s-host-namespaces.js';
import k8sHostPath from './hardening/k8s-host-path.js';
import k8sPrivilegeEscalation from './hardening/k8s-privilege-escalation.js';
import k8sPrivileged from './hardening/k8s-privileged.js';
import k8sRunAsRoot from './hardening/k8s-run-as-root.js';
import k8sServiceAccountToken from './hardening/k8s-service-account-token.js';
import k8sWritableRootFs from './hardening/k8s-writable-root-fs.js';
import k8sRbacSecretsRead from './permissions/k8s-rbac-secrets-read.js';
import k8sRbacWildcard from './permissions/k8s-rbac-wildcard.js';
import tlsVerificationDisabled from './hardening/tls-verification-disabled.js';
import unauthenticatedPackages from './hardening/unauthenticated-packages.js';
import imageLatest from './pinning/image-latest.js';
import unpinnedAction from './pinning/unpinned-action.js';
import awsAccessKey from './secrets/aws-access-key.js';

export const RULES: readonly Rule[] = [
  awsAccessKey,
  imageLatest,
  unpinnedAction,
  // issue 6: privileges and hardening
  dockerfileAddLocal,
  dockerfileChmod777,
  dockerfileExposeSsh,
  dockerfileNoUser,
  dockerfileRootUser,
  dockerfileSudo,
  tlsVerificationDisabled,
  unauthenticatedPackages,
  k8sDangerousCapabilities,
  k8sHostNamespaces,
  k8sHostPath,
  k8sPrivilegeEscalation,
  k8sPrivileged,
  k8sRunAsRoot,
  k8sServiceAccountToken,
  k8sWritableRootFs,
  k8sRbacSecretsRead,
  k8sRbacWildcard,
  composeDangerousCapabilities,
  composeDockerSocket,
  composeHostNamespaces,
  composePrivileged,
  composeUnconfinedSecurity,
  awsEc2Imdsv1,
  azureStorageMinTls,
  ingressOpenToInternet,
  rdsPubliclyAccessible,
  storageEncryptionDisabled,
  azureStoragePublicAccess,
  gcpBasicRole,
  gcpPublicIamMember,
  iamPublicPrincipal,
  iamWildcardPolicy,
  s3PublicAccessBlockDisabled,
  s3PublicAcl,
];
