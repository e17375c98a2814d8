// Cloud and hosting credentials: AWS secret keys, Azure keys/SAS/Entra secrets/DevOps PATs, Google API keys and OAuth secrets,
// Alibaba, DigitalOcean, Heroku, Fly.io, Scalingo, Cloudflare origin CA keys, OpenShift tokens.

import { entropy } from '../checksums.js';
import { B64, B64URL, fake, HEX } from '../fake.js';
import type { Detector } from '../types.js';

/** Mixed case and digits with high entropy: what a random base64 secret looks like, and a hash does not. */
function randomBase64(s: string): boolean {
  return /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s) && entropy(s) >= 4;
}

const AWS_ROTATE = 'deactivate and delete the key pair in IAM';
const AZURE_ROTATE = 'regenerate the key (or revoke the SAS / client secret) in the Azure portal';

export const CLOUD: readonly Detector[] = [
  {
    id: 'aws-secret-access-key',
    name: 'AWS secret access key',
    // Named (`aws_secret_access_key = …`, `AWS_SECRET_ACCESS_KEY: …`) …
    pattern: /(?<![A-Za-z0-9_])aws_?secret_?(?:access_?)?key["']?[ \t]{0,8}(?:[:=]|=>)[ \t]{0,8}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    keywords: ['ecret', 'ECRET'],
    validate: (s) => randomBase64(s),
    rotate: AWS_ROTATE,
    get samples() {
      return {
        tp: [`AWS_SECRET_ACCESS_KEY: ${fake('aws1', 40, B64)}`, `aws_secret_access_key = "${fake('aws2', 40, B64)}"`],
        fp: [`AWS_SECRET_ACCESS_KEY: ${fake('aws3', 40, HEX)}`, `AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}`, `AWS_SECRET_ACCESS_KEY: ${fake('aws1', 41, B64)}`],
      };
    },
  },
  {
    id: 'aws-secret-access-key-near-id',
    name: 'AWS secret access key',
    // … or unnamed, within a few lines of an access key id.
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    keywords: ['AKIA', 'ASIA'],
    // validate wants the id inside [secret - 300, secret + 340): the secret starts at most 320 before it, ends 340 after
    // (the anchor may be looser than validate's id pattern: it only widens where the pattern runs)
    near: { anchor: /A[KS]IA[A-Z2-7]{16}/g, before: 320, after: 340 },
    validate: (s, text, index) => {
      if (!randomBase64(s) || !/[/+]/.test(s)) return false;
      const near = text.slice(Math.max(0, index - 300), Math.min(text.length, index + 340));
      return /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/.test(near) && !/aws_?secret_?(?:access_?)?key/i.test(near);
    },
    rotate: AWS_ROTATE,
    get samples() {
      return {
        tp: [`keys:\n  id: AKIAZ7VRSQ5TJHNLBX4D\n  secret: ${fake('aws4', 38, B64)}/+`],
        fp: [`id: AKIAZ7VRSQ5TJHNLBX4D\nsha: ${fake('aws5', 40, HEX)}`, `secret: ${fake('aws4', 38, B64)}/+`],
      };
    },
  },
  {
    id: 'azure-storage-account-key',
    name: 'Azure storage account key',
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/g,
    keywords: ['AccountKey='],
    validate: (s) => randomBase64(s),
    rotate: AZURE_ROTATE,
    get samples() {
      return {
        tp: [`DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${fake('azsk', 86, B64)}==;EndpointSuffix=core.windows.net`],
        fp: [`AccountKey=${'A'.repeat(86)}==`, `AccountKey=\${STORAGE_KEY}`],
      };
    },
  },
  {
    id: 'azure-shared-access-key',
    name: 'Azure Service Bus / Event Hubs shared access key',
    pattern: /SharedAccessKey=([A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/g,
    keywords: ['SharedAccessKey='],
    validate: (s) => randomBase64(s),
    rotate: AZURE_ROTATE,
    get samples() {
      return {
        tp: [`Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake('azsb', 43, B64)}=`],
        fp: [`SharedAccessKey=<key>`],
      };
    },
  },
  {
    id: 'azure-identifiable-key',
    name: 'Azure identifiable key (Storage, Cosmos DB, Service Bus, Event Hubs)',
    pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{76}(?:\+ASt|ACDb|\+ASb|\+AEh)[A-Za-z0-9+/]{6}==(?![A-Za-z0-9+/=])/g,
    keywords: ['+ASt', 'ACDb', '+ASb', '+AEh'],
    validate: (s) => randomBase64(s),
    rotate: AZURE_ROTATE,
    get samples() {
      return {
        tp: [`COSMOS_KEY: "${fake('azid', 76, B64)}ACDb${fake('azid2', 6, B64)}=="`],
        fp: [`COSMOS_KEY: "${fake('azid', 70, B64)}ACDb${fake('azid2', 6, B64)}=="`],
      };
    },
  },
  {
    id: 'azure-sas-token',
    name: 'Azure shared access signature (SAS) token',
    pattern: /[?&;]sig=([A-Za-z0-9%+/=]{43,120})(?![A-Za-z0-9%+/=])/g,
    keywords: ['sig='],
    validate: (s, text, index) => {
      const before = text.slice(Math.max(0, index - 600), index);
      const sig = s.replace(/%2B/gi, '+').replace(/%2F/gi, '/').replace(/%3D/gi, '=');
      return /[?&;]sv=\d{4}-\d\d-\d\d/.test(before) && /[?&;]se=/.test(before) && sig.length >= 43 && randomBase64(sig);
    },
    rotate: AZURE_ROTATE,
    get samples() {
      return {
        tp: [`url: https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=${encodeURIComponent(`${fake('sas', 43, B64)}=`)}`],
        fp: [`https://acct.blob.core.windows.net/c?sv=2022-11-02&se=2030-01-01&sig=<signature>`, `https://example.com/x?sig=${fake('sas', 44)}`],
      };
    },
  },
  {
    id: 'azure-entra-client-secret',
    name: 'Microsoft Entra ID (Azure AD) client secret',
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    keywords: ['Q~'],
    validate: (s) => entropy(s) >= 3.5,
    rotate: 'delete the client secret in the app registration (Certificates & secrets) and create a new one',
    get samples() {
      return {
        tp: [`AZURE_CLIENT_SECRET: ${fake('entra', 3, 'abcXYZ')}8Q~${fake('entra2', 34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.-')}`],
        fp: [`${fake('entra', 3)}8Q~short`, `path/a8Q~${'a'.repeat(34)}`],
      };
    },
  },
  {
    id: 'gcp-api-key',
    name: 'Google Cloud API key',
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g,
    keywords: ['AIza'],
    rotate: 'delete or regenerate the key under APIs & Services → Credentials',
    get samples() {
      return { tp: [`GOOGLE_API_KEY=AIza${fake('gcp', 35, `${B64.slice(0, 62)}_-`)}`], fp: [`AIza${fake('gcp', 30)}`, `XAIza${fake('gcp', 35)}`] };
    },
  },
  {
    id: 'digitalocean-token',
    name: 'DigitalOcean personal access, OAuth or refresh token',
    pattern: /(?<![A-Za-z0-9_-])do[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9_-])/g,
    keywords: ['_v1_'],
    rotate: 'revoke it under API → Tokens in the DigitalOcean control panel',
    get samples() {
      return { tp: [`DIGITALOCEAN_TOKEN: dop_v1_${fake('do', 64, HEX)}`, `doo_v1_${fake('do2', 64, HEX)}`], fp: [`dop_v1_${fake('do', 63, HEX)}`, `dop_v2_${fake('do', 64, HEX)}`] };
    },
  },

  {
    id: 'azure-devops-pat',
    name: 'Azure DevOps personal access token',
    // 84 characters with the `AZDO` signature at characters 77-80.
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])/g,
    keywords: ['AZDO'],
    validate: (s) => entropy(s) >= 4,
    rotate: 'revoke it under User settings → Personal access tokens in Azure DevOps',
    get samples() {
      return { tp: [`AZURE_DEVOPS_EXT_PAT: ${fake('azdo', 52)}JQQJ99BAACAAAAA${fake('azdo2', 9)}AZDO${fake('azdo3', 4)}`], fp: [`${fake('azdo', 70)}AZDO${fake('azdo3', 4)}`] };
    },
  },
  {
    id: 'google-oauth-client-secret',
    name: 'Google OAuth client secret',
    pattern: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g,
    keywords: ['GOCSPX-'],
    rotate: 'reset the client secret of the OAuth client under APIs & Services → Credentials',
    get samples() {
      return { tp: [`GOOGLE_CLIENT_SECRET: GOCSPX-${fake('gocspx', 28, B64URL)}`], fp: [`GOCSPX-${fake('gocspx', 20)}`] };
    },
  },
  {
    id: 'google-oauth-access-token',
    name: 'Google OAuth access token',
    pattern: /(?<![A-Za-z0-9_.-])ya29\.[A-Za-z0-9_-]{60,2048}(?![A-Za-z0-9_-])/g,
    keywords: ['ya29.'],
    validate: (s) => entropy(s) >= 4,
    rotate: 'revoke it (https://oauth2.googleapis.com/revoke) and the refresh token that minted it',
    get samples() {
      return { tp: [`Authorization: Bearer ya29.${fake('ya29', 150, B64URL)}`], fp: [`ya29.${fake('ya29', 20)}`] };
    },
  },
  {
    id: 'alibaba-access-key-id',
    name: 'Alibaba Cloud AccessKey ID',
    pattern: /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{20}(?![A-Za-z0-9])/g,
    keywords: ['LTAI'],
    validate: (s) => entropy(s) >= 3.5 && /[0-9]/.test(s),
    rotate: 'disable and delete the AccessKey pair in the RAM console',
    get samples() {
      return { tp: [`ALICLOUD_ACCESS_KEY: LTAI${fake('ltai', 20)}`], fp: [`LTAI${fake('ltai', 12)}`] };
    },
  },
  {
    id: 'heroku-api-key',
    name: 'Heroku API key',
    pattern: /(?<![A-Za-z0-9_-])HRKU-AA[0-9A-Za-z_-]{58}(?![A-Za-z0-9_-])/g,
    keywords: ['HRKU-AA'],
    rotate: 'regenerate the API key under Account settings (or revoke the authorization) on heroku.com',
    get samples() {
      return { tp: [`HEROKU_API_KEY=HRKU-AA${fake('hrku', 58, B64URL)}`], fp: [`HRKU-AA${fake('hrku', 40)}`] };
    },
  },
  {
    id: 'flyio-token',
    name: 'Fly.io access token',
    pattern: /(?<![A-Za-z0-9_-])(?:fo1_[A-Za-z0-9_-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,2048}={0,3}|fm2_[A-Za-z0-9+/]{100,4096}={0,3})(?![A-Za-z0-9+/=_-])/g,
    keywords: ['fo1_', 'fm1a_', 'fm1r_', 'fm2_'],
    validate: (s) => entropy(s) >= 4,
    rotate: 'revoke it with `fly tokens revoke` (or under Tokens in the Fly.io dashboard)',
    get samples() {
      return { tp: [`FLY_API_TOKEN: fo1_${fake('fo1', 43, B64URL)}`, `FLY_API_TOKEN: fm2_${fake('fm2', 160, B64)}`], fp: [`fo1_${fake('fo1', 20)}`] };
    },
  },
  {
    id: 'scalingo-api-token',
    name: 'Scalingo API token',
    pattern: /(?<![A-Za-z0-9_-])tk-us-[A-Za-z0-9_-]{48}(?![A-Za-z0-9_-])/g,
    keywords: ['tk-us-'],
    rotate: 'revoke it under User settings → API tokens on Scalingo',
    get samples() {
      return { tp: [`SCALINGO_API_TOKEN: tk-us-${fake('scal', 48, B64URL)}`], fp: [`tk-us-${fake('scal', 20)}`] };
    },
  },
  {
    id: 'cloudflare-origin-ca-key',
    name: 'Cloudflare Origin CA key',
    pattern: /(?<![A-Za-z0-9_.-])v1\.0-[a-f0-9]{24}-[a-f0-9]{146}(?![A-Za-z0-9_-])/g,
    keywords: ['v1.0-'],
    rotate: 'revoke the Origin CA key under My Profile → API Tokens in the Cloudflare dashboard',
    get samples() {
      return { tp: [`CF_ORIGIN_CA_KEY: v1.0-${fake('cfo1', 24, HEX)}-${fake('cfo2', 146, HEX)}`], fp: [`v1.0-${fake('cfo1', 24, HEX)}-${fake('cfo2', 100, HEX)}`] };
    },
  },
  {
    id: 'openshift-user-token',
    name: 'OpenShift user token',
    pattern: /(?<![A-Za-z0-9_-])sha256~[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    keywords: ['sha256~'],
    validate: (s) => entropy(s) >= 3.5,
    rotate: 'delete the OAuth access token (`oc delete oauthaccesstoken`) or log out the session',
    get samples() {
      return { tp: [`oc login --token=sha256~${fake('ocp', 43, B64URL)} --server=https://api.example.org:6443`], fp: [`sha256~${fake('ocp', 20)}`] };
    },
  },
];
