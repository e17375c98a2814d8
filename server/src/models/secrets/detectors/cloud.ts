// Cloud provider credentials: AWS secret keys next to a key id, Azure keys/SAS/Entra secrets, GCP API keys, DigitalOcean.

import { entropy } from '../checksums.js';
import { B64, fake, HEX } from '../fake.js';
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
    samples: {
      tp: [`AWS_SECRET_ACCESS_KEY: ${fake('aws1', 40, B64)}`, `aws_secret_access_key = "${fake('aws2', 40, B64)}"`],
      fp: [`AWS_SECRET_ACCESS_KEY: ${fake('aws3', 40, HEX)}`, `AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}`, `AWS_SECRET_ACCESS_KEY: ${fake('aws1', 41, B64)}`],
    },
  },
  {
    id: 'aws-secret-access-key-near-id',
    name: 'AWS secret access key',
    // … or unnamed, within a few lines of an access key id.
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    keywords: ['AKIA', 'ASIA'],
    validate: (s, text, index) => {
      if (!randomBase64(s) || !/[/+]/.test(s)) return false;
      const near = text.slice(Math.max(0, index - 300), Math.min(text.length, index + 340));
      return /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/.test(near) && !/aws_?secret_?(?:access_?)?key/i.test(near);
    },
    rotate: AWS_ROTATE,
    samples: {
      tp: [`keys:\n  id: AKIAZ7VRSQ5TJHNLBX4D\n  secret: ${fake('aws4', 38, B64)}/+`],
      fp: [`id: AKIAZ7VRSQ5TJHNLBX4D\nsha: ${fake('aws5', 40, HEX)}`, `secret: ${fake('aws4', 38, B64)}/+`],
    },
  },
  {
    id: 'azure-storage-account-key',
    name: 'Azure storage account key',
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/g,
    keywords: ['AccountKey='],
    validate: (s) => randomBase64(s),
    rotate: AZURE_ROTATE,
    samples: {
      tp: [`DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${fake('azsk', 86, B64)}==;EndpointSuffix=core.windows.net`],
      fp: [`AccountKey=${'A'.repeat(86)}==`, `AccountKey=\${STORAGE_KEY}`],
    },
  },
  {
    id: 'azure-shared-access-key',
    name: 'Azure Service Bus / Event Hubs shared access key',
    pattern: /SharedAccessKey=([A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/g,
    keywords: ['SharedAccessKey='],
    validate: (s) => randomBase64(s),
    rotate: AZURE_ROTATE,
    samples: {
      tp: [`Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake('azsb', 43, B64)}=`],
      fp: [`SharedAccessKey=<key>`],
    },
  },
  {
    id: 'azure-identifiable-key',
    name: 'Azure identifiable key (Storage, Cosmos DB, Service Bus, Event Hubs)',
    pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{76}(?:\+ASt|ACDb|\+ASb|\+AEh)[A-Za-z0-9+/]{6}==(?![A-Za-z0-9+/=])/g,
    keywords: ['+ASt', 'ACDb', '+ASb', '+AEh'],
    validate: (s) => randomBase64(s),
    rotate: AZURE_ROTATE,
    samples: {
      tp: [`COSMOS_KEY: "${fake('azid', 76, B64)}ACDb${fake('azid2', 6, B64)}=="`],
      fp: [`COSMOS_KEY: "${fake('azid', 70, B64)}ACDb${fake('azid2', 6, B64)}=="`],
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
    samples: {
      tp: [`url: https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=${encodeURIComponent(`${fake('sas', 43, B64)}=`)}`],
      fp: [`https://acct.blob.core.windows.net/c?sv=2022-11-02&se=2030-01-01&sig=<signature>`, `https://example.com/x?sig=${fake('sas', 44)}`],
    },
  },
  {
    id: 'azure-entra-client-secret',
    name: 'Microsoft Entra ID (Azure AD) client secret',
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    keywords: ['Q~'],
    validate: (s) => entropy(s) >= 3.5,
    rotate: 'delete the client secret in the app registration (Certificates & secrets) and create a new one',
    samples: {
      tp: [`AZURE_CLIENT_SECRET: ${fake('entra', 3, 'abcXYZ')}8Q~${fake('entra2', 34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.-')}`],
      fp: [`${fake('entra', 3)}8Q~short`, `path/a8Q~${'a'.repeat(34)}`],
    },
  },
  {
    id: 'gcp-api-key',
    name: 'Google Cloud API key',
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g,
    keywords: ['AIza'],
    rotate: 'delete or regenerate the key under APIs & Services → Credentials',
    samples: { tp: [`GOOGLE_API_KEY=AIza${fake('gcp', 35, `${B64.slice(0, 62)}_-`)}`], fp: [`AIza${fake('gcp', 30)}`, `XAIza${fake('gcp', 35)}`] },
  },
  {
    id: 'digitalocean-token',
    name: 'DigitalOcean personal access, OAuth or refresh token',
    pattern: /(?<![A-Za-z0-9_-])do[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9_-])/g,
    keywords: ['_v1_'],
    rotate: 'revoke it under API → Tokens in the DigitalOcean control panel',
    samples: { tp: [`DIGITALOCEAN_TOKEN: dop_v1_${fake('do', 64, HEX)}`, `doo_v1_${fake('do2', 64, HEX)}`], fp: [`dop_v1_${fake('do', 63, HEX)}`, `dop_v2_${fake('do', 64, HEX)}`] },
  },
];
