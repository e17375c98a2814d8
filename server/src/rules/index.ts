// The registry: every rule Forewarn ships, in a stable order.

import type { Rule } from './define.js';
import azureStorageMinTls from './hardening/azure-storage-min-tls.js';
import cloudtrailLoggingIncomplete from './hardening/cloudtrail-logging-incomplete.js';
import clusterEndpointPublic from './hardening/cluster-endpoint-public.js';
import composeDangerousCapabilities from './hardening/compose-dangerous-capabilities.js';
import composeDockerSocket from './hardening/compose-docker-socket.js';
import composeHostNamespaces from './hardening/compose-host-namespaces.js';
import composePrivileged from './hardening/compose-privileged.js';
import composeUnconfinedSecurity from './hardening/compose-unconfined-security.js';
import concurrencyLimits from './hardening/concurrency-limits.js';
import dependabotCooldown from './hardening/dependabot-cooldown.js';
import dependabotExecution from './hardening/dependabot-execution.js';
import databasePublicNetworkAccess from './hardening/database-public-network-access.js';
import dockerfileAddLocal from './hardening/dockerfile-add-local.js';
import dockerfileChmod777 from './hardening/dockerfile-chmod-777.js';
import dockerfileExposeSsh from './hardening/dockerfile-expose-ssh.js';
import dockerfileNoHealthcheck from './hardening/dockerfile-no-healthcheck.js';
import dockerfileNoUser from './hardening/dockerfile-no-user.js';
import dockerfileRootUser from './hardening/dockerfile-root-user.js';
import dockerfileSudo from './hardening/dockerfile-sudo.js';
import ec2Imdsv1 from './hardening/ec2-imdsv1.js';
import ecrScanOnPushDisabled from './hardening/ecr-scan-on-push-disabled.js';
import ingressOpenToInternet from './hardening/ingress-open-to-internet.js';
import instancePublicIp from './hardening/instance-public-ip.js';
import k8sCapabilitiesNotDropped from './hardening/k8s-capabilities-not-dropped.js';
import k8sDangerousCapabilities from './hardening/k8s-dangerous-capabilities.js';
import k8sDefaultNamespace from './hardening/k8s-default-namespace.js';
import k8sHostNamespaces from './hardening/k8s-host-namespaces.js';
import k8sHostPath from './hardening/k8s-host-path.js';
import k8sHostPort from './hardening/k8s-host-port.js';
import k8sNoMemoryLimit from './hardening/k8s-no-memory-limit.js';
import k8sPrivilegeEscalation from './hardening/k8s-privilege-escalation.js';
import k8sPrivileged from './hardening/k8s-privileged.js';
import k8sRunAsRoot from './hardening/k8s-run-as-root.js';
import k8sSeccompNotSet from './hardening/k8s-seccomp-not-set.js';
import k8sServiceAccountToken from './hardening/k8s-service-account-token.js';
import k8sUnconfinedSecurity from './hardening/k8s-unconfined-security.js';
import k8sUnsafeSysctls from './hardening/k8s-unsafe-sysctls.js';
import k8sWritableRootFs from './hardening/k8s-writable-root-fs.js';
import kmsKeyRotationDisabled from './hardening/kms-key-rotation-disabled.js';
import plaintextTransportAllowed from './hardening/plaintext-transport-allowed.js';
import rdsPubliclyAccessible from './hardening/rds-publicly-accessible.js';
import storageEncryptionDisabled from './hardening/storage-encryption-disabled.js';
import tlsVerificationDisabled from './hardening/tls-verification-disabled.js';
import unauthenticatedPackages from './hardening/unauthenticated-packages.js';
import agentPromptInjection from './injection/agent-prompt-injection.js';
import artifactPoisoning from './injection/artifact-poisoning.js';
import vpcFlowLogsMissing from './hardening/vpc-flow-logs-missing.js';
import weakTlsPolicy from './hardening/weak-tls-policy.js';
import azureScriptInjection from './injection/azure-script-injection.js';
import dangerousTriggers from './injection/dangerous-triggers.js';
import githubEnv from './injection/github-env.js';
import gitlabScriptInjection from './injection/gitlab-script-injection.js';
import insecureCommands from './injection/insecure-commands.js';
import templateInjection from './injection/template-injection.js';
import apiWithoutAuthorization from './permissions/api-without-authorization.js';
import azureDebug from './permissions/azure-debug.js';
import azurePersistCredentials from './permissions/azure-persist-credentials.js';
import azureSecretLiteral from './permissions/azure-secret-literal.js';
import azureStoragePublicAccess from './permissions/azure-storage-public-access.js';
import botConditions from './permissions/bot-conditions.js';
import azureSubscriptionOwner from './permissions/azure-subscription-owner.js';
import clusterLegacyAuth from './permissions/cluster-legacy-auth.js';
import credentialPersistence from './permissions/credential-persistence.js';
import debugLogging from './permissions/debug-logging.js';
import excessivePermissions from './permissions/excessive-permissions.js';
import gcpBasicRole from './permissions/gcp-basic-role.js';
import gcpPublicIamMember from './permissions/gcp-public-iam-member.js';
import gcpServiceAccountKey from './permissions/gcp-service-account-key.js';
import gitlabDebugTrace from './permissions/gitlab-debug-trace.js';
import gitlabInsecureDind from './permissions/gitlab-insecure-dind.js';
import gitlabJobTokenLeak from './permissions/gitlab-job-token-leak.js';
import iamNotActionAllow from './permissions/iam-not-action-allow.js';
import iamPolicyOnUser from './permissions/iam-policy-on-user.js';
import iamPrivilegeEscalation from './permissions/iam-privilege-escalation.js';
import iamPublicPrincipal from './permissions/iam-public-principal.js';
import iamWildcardPolicy from './permissions/iam-wildcard-policy.js';
import k8sRbacDangerousBinding from './permissions/k8s-rbac-dangerous-binding.js';
import k8sRbacEscalation from './permissions/k8s-rbac-escalation.js';
import k8sRbacSecretsRead from './permissions/k8s-rbac-secrets-read.js';
import k8sRbacWildcard from './permissions/k8s-rbac-wildcard.js';
import overscopedAppToken from './permissions/overscoped-app-token.js';
import s3PublicAccessBlockDisabled from './permissions/s3-public-access-block-disabled.js';
import s3PublicAcl from './permissions/s3-public-acl.js';
import secretsExposure from './permissions/secrets-exposure.js';
import secretsOutsideEnv from './permissions/secrets-outside-env.js';
import securityGateDisabled from './permissions/security-gate-disabled.js';
import selfHostedRunner from './permissions/self-hosted-runner.js';
import sharedEnvironmentSecrets from './permissions/shared-environment-secrets.js';
import staticCloudCredentials from './permissions/static-cloud-credentials.js';
import thirdPartyActionSecrets from './permissions/third-party-action-secrets.js';
import unredactedSecrets from './permissions/unredacted-secrets.js';
import unprotectedProductionDeploy from './permissions/unprotected-production-deploy.js';
import unsoundCondition from './permissions/unsound-condition.js';
import unsoundContains from './permissions/unsound-contains.js';
import unsoundTernary from './permissions/unsound-ternary.js';
import addWithoutChecksum from './pinning/add-without-checksum.js';
import cachePoisoning from './pinning/cache-poisoning.js';
import dependencyConfusion from './pinning/dependency-confusion.js';
import downloadAndExecute from './pinning/download-and-execute.js';
import ecrMutableTags from './pinning/ecr-mutable-tags.js';
import imageLatest from './pinning/image-latest.js';
import imageWithoutDigest from './pinning/image-without-digest.js';
import knownVulnerableActions from './pinning/known-vulnerable-actions.js';
import obfuscation from './pinning/obfuscation.js';
import k8sImagePullPolicy from './pinning/k8s-image-pull-policy.js';
import plaintextDownload from './pinning/plaintext-download.js';
import publishWithoutProvenance from './pinning/publish-without-provenance.js';
import refVersionMismatch from './pinning/ref-version-mismatch.js';
import shaPinWithoutVersion from './pinning/sha-pin-without-version.js';
import typosquatAction from './pinning/typosquat-action.js';
import unpinnedAction from './pinning/unpinned-action.js';
import unpinnedToolVersion from './pinning/unpinned-tool-version.js';
import unpinnedInclude from './pinning/unpinned-include.js';
import unpinnedModule from './pinning/unpinned-module.js';
import unpinnedOrb from './pinning/unpinned-orb.js';
import unpinnedRepository from './pinning/unpinned-repository.js';
import unverifiedPackageUrl from './pinning/unverified-package-url.js';
import unversionedProvider from './pinning/unversioned-provider.js';
import awsAccessKey from './secrets/aws-access-key.js';
import credentialUrl from './secrets/credential-url.js';
import genericSecret from './secrets/generic-secret.js';
import hardcodedCredential from './secrets/hardcoded-credential.js';
import providerToken from './secrets/provider-token.js';
import secretInImage from './secrets/secret-in-image.js';
import terraformStateFile from './secrets/terraform-state-file.js';

export const RULES: readonly Rule[] = [
  addWithoutChecksum,
  agentPromptInjection,
  artifactPoisoning,
  apiWithoutAuthorization,
  awsAccessKey,
  azureDebug,
  azurePersistCredentials,
  azureScriptInjection,
  azureSecretLiteral,
  azureStorageMinTls,
  azureStoragePublicAccess,
  botConditions,
  cachePoisoning,
  azureSubscriptionOwner,
  cloudtrailLoggingIncomplete,
  clusterEndpointPublic,
  clusterLegacyAuth,
  composeDangerousCapabilities,
  composeDockerSocket,
  composeHostNamespaces,
  composePrivileged,
  composeUnconfinedSecurity,
  concurrencyLimits,
  credentialPersistence,
  credentialUrl,
  dangerousTriggers,
  databasePublicNetworkAccess,
  debugLogging,
  dependabotCooldown,
  dependabotExecution,
  dependencyConfusion,
  dockerfileAddLocal,
  dockerfileChmod777,
  dockerfileExposeSsh,
  dockerfileNoHealthcheck,
  dockerfileNoUser,
  dockerfileRootUser,
  dockerfileSudo,
  downloadAndExecute,
  ec2Imdsv1,
  ecrMutableTags,
  ecrScanOnPushDisabled,
  excessivePermissions,
  gcpBasicRole,
  gcpPublicIamMember,
  gcpServiceAccountKey,
  genericSecret,
  githubEnv,
  gitlabDebugTrace,
  gitlabInsecureDind,
  gitlabJobTokenLeak,
  gitlabScriptInjection,
  hardcodedCredential,
  iamNotActionAllow,
  iamPolicyOnUser,
  iamPrivilegeEscalation,
  iamPublicPrincipal,
  iamWildcardPolicy,
  imageLatest,
  imageWithoutDigest,
  ingressOpenToInternet,
  insecureCommands,
  instancePublicIp,
  k8sCapabilitiesNotDropped,
  k8sDangerousCapabilities,
  k8sDefaultNamespace,
  k8sHostNamespaces,
  k8sHostPath,
  k8sPrivilegeEscalation,
  k8sPrivileged,
  k8sHostPort,
  k8sImagePullPolicy,
  k8sNoMemoryLimit,
  k8sRbacDangerousBinding,
  k8sRbacEscalation,
  k8sRbacSecretsRead,
  k8sRbacWildcard,
  k8sRunAsRoot,
  k8sSeccompNotSet,
  k8sServiceAccountToken,
  k8sUnconfinedSecurity,
  k8sUnsafeSysctls,
  k8sWritableRootFs,
  knownVulnerableActions,
  obfuscation,
  kmsKeyRotationDisabled,
  overscopedAppToken,
  plaintextDownload,
  plaintextTransportAllowed,
  providerToken,
  publishWithoutProvenance,
  rdsPubliclyAccessible,
  refVersionMismatch,
  s3PublicAccessBlockDisabled,
  s3PublicAcl,
  secretInImage,
  secretsExposure,
  secretsOutsideEnv,
  securityGateDisabled,
  selfHostedRunner,
  shaPinWithoutVersion,
  sharedEnvironmentSecrets,
  staticCloudCredentials,
  storageEncryptionDisabled,
  templateInjection,
  thirdPartyActionSecrets,
  terraformStateFile,
  tlsVerificationDisabled,
  typosquatAction,
  unauthenticatedPackages,
  unpinnedAction,
  unpinnedInclude,
  unpinnedModule,
  unpinnedOrb,
  unpinnedRepository,
  unpinnedToolVersion,
  unprotectedProductionDeploy,
  unsoundCondition,
  unsoundContains,
  unsoundTernary,
  unredactedSecrets,
  unverifiedPackageUrl,
  unversionedProvider,
  vpcFlowLogsMissing,
  weakTlsPolicy,
];
