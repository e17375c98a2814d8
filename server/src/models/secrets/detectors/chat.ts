// Chat and messaging: Slack tokens (current and legacy) and webhooks, Microsoft Teams webhooks, Telegram and Discord bot tokens, Discord webhooks.

import { decodeBase64, stripPadding } from '../checksums.js';
import { B64URL, fake, HEX } from '../fake.js';
import type { Detector } from '../types.js';

function uuid(seed: string): string {
  const h = fake(seed, 32, HEX);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const SLACK = 'revoke it on the app\'s OAuth & Permissions page at api.slack.com';
const DIGITS = '0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export const CHAT: readonly Detector[] = [
  {
    id: 'slack-bot-token',
    name: 'Slack bot token',
    pattern: /(?<![A-Za-z0-9_-])xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}(?![A-Za-z0-9_-])/g,
    keywords: ['xoxb-'],
    rotate: SLACK,
    get samples() {
      return { tp: [`SLACK_BOT_TOKEN: xoxb-${fake('sb1', 12, DIGITS)}-${fake('sb2', 13, DIGITS)}-${fake('sb3', 24)}`], fp: [`xoxb-123-456-abc`, `xoxb-${fake('sb1', 12, DIGITS)}-${fake('sb2', 13, DIGITS)}-${fake('sb3', 20)}`] };
    },
  },
  {
    id: 'slack-legacy-bot-token',
    name: 'Slack legacy bot token',
    pattern: /(?<![A-Za-z0-9_-])xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,26}(?![A-Za-z0-9_-])/g,
    keywords: ['xoxb-'],
    validate: (s) => /[0-9]/.test(s.slice(s.lastIndexOf('-'))) && /[A-Za-z]/.test(s.slice(s.lastIndexOf('-'))),
    rotate: SLACK,
    get samples() {
      return { tp: [`SLACK_TOKEN: xoxb-${fake('slb1', 11, DIGITS)}-${fake('slb2', 24)}`], fp: [`xoxb-${fake('slb1', 11, DIGITS)}-${fake('slb2', 12)}`, `xoxb-12345678-abcdefghijklmnopqrst`] };
    },
  },
  {
    id: 'slack-user-token',
    name: 'Slack user token',
    pattern: /(?<![A-Za-z0-9_-])xox[pe]-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{28,34}(?![A-Za-z0-9_-])/g,
    keywords: ['xoxp-', 'xoxe-'],
    rotate: SLACK,
    get samples() {
      return {
        tp: [`xoxp-${fake('su1', 12, DIGITS)}-${fake('su2', 12, DIGITS)}-${fake('su3', 13, DIGITS)}-${fake('su4', 32, HEX)}`, `SLACK_USER_TOKEN=xoxp-${fake('su5', 12, DIGITS)}-${fake('su6', 12, DIGITS)}-${fake('su7', 13, DIGITS)}-${fake('su8', 30)}`],
        fp: [`xoxp-${fake('su1', 12, DIGITS)}-${fake('su4', 32, HEX)}`],
      };
    },
  },
  {
    id: 'slack-legacy-token',
    name: 'Slack legacy token',
    pattern: /(?<![A-Za-z0-9_-])xox[os]-[0-9]{1,20}-[0-9]{1,20}-[0-9]{1,20}-[a-fA-F0-9]{16,64}(?![A-Za-z0-9_-])/g,
    keywords: ['xoxo-', 'xoxs-'],
    rotate: SLACK,
    get samples() {
      return { tp: [`xoxs-${fake('sl1', 10, DIGITS)}-${fake('sl2', 11, DIGITS)}-${fake('sl3', 12, DIGITS)}-${fake('sl4', 64, HEX)}`], fp: [`xoxs-1-2-3-${fake('sl4', 8, HEX)}`] };
    },
  },
  {
    id: 'slack-workspace-token',
    name: 'Slack workspace app (legacy) access or refresh token',
    pattern: /(?<![A-Za-z0-9_-])xox[ar]-(?:[0-9]-)?[0-9A-Za-z]{10,48}(?![A-Za-z0-9_-])/g,
    keywords: ['xoxa-', 'xoxr-'],
    validate: (s) => /[0-9]/.test(s.slice(5)) && /[A-Za-z]/.test(s.slice(5)),
    rotate: SLACK,
    get samples() {
      return { tp: [`SLACK_TOKEN: xoxa-2-${fake('sw', 40)}`, `xoxr-${fake('swr', 44)}`], fp: [`xoxa-${'abcdefghij'.toUpperCase()}`, `xoxa-1234567890`] };
    },
  },
  {
    id: 'slack-refresh-token',
    name: 'Slack configuration or rotating refresh token',
    pattern: /(?<![A-Za-z0-9_.-])xoxe(?:\.xox[bp])?-1-[A-Za-z0-9]{60,}(?![A-Za-z0-9_-])/g,
    keywords: ['xoxe'],
    rotate: SLACK,
    get samples() {
      return { tp: [`xoxe.xoxp-1-${fake('se', 140)}`, `xoxe-1-${fake('se2', 140)}`], fp: [`xoxe-1-${fake('se', 20)}`] };
    },
  },
  {
    id: 'slack-app-token',
    name: 'Slack app-level token',
    pattern: /(?<![A-Za-z0-9_-])xapp-1-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}(?![A-Za-z0-9_-])/g,
    keywords: ['xapp-'],
    rotate: SLACK,
    get samples() {
      return { tp: [`SLACK_APP_TOKEN=xapp-1-${fake('sa1', 11, UPPER_DIGITS)}-${fake('sa2', 13, DIGITS)}-${fake('sa3', 64, HEX)}`], fp: [`xapp-1-${fake('sa1', 11, UPPER_DIGITS)}-${fake('sa3', 64, HEX)}`] };
    },
  },
  {
    id: 'slack-webhook',
    name: 'Slack incoming webhook URL',
    pattern: /hooks\.slack\.com\/services\/(T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24})(?![A-Za-z0-9])/g,
    keywords: ['hooks.slack.com'],
    rotate: 'remove the webhook from the Slack app (Incoming Webhooks) and add a new one',
    get samples() {
      return {
        tp: [`SLACK_WEBHOOK: https://hooks.slack.com/services/T${fake('sw1', 10, UPPER_DIGITS)}/B${fake('sw2', 10, UPPER_DIGITS)}/${fake('sw3', 24)}`],
        fp: [`https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`, `https://hooks.slack.com/services/\${SLACK_PATH}`],
      };
    },
  },
  {
    id: 'slack-workflow-webhook',
    name: 'Slack workflow or trigger webhook URL',
    pattern: /hooks\.slack\.com\/(?:workflows|triggers)\/([A-Za-z0-9+/]{43,64})(?![A-Za-z0-9+/])/g,
    keywords: ['hooks.slack.com'],
    validate: (s) => /[0-9]/.test(s) && /[A-Z]/.test(s),
    rotate: 'delete the workflow\'s webhook trigger in Slack Workflow Builder and create a new one',
    get samples() {
      return {
        tp: [`SLACK_WEBHOOK_URL: https://hooks.slack.com/triggers/T${fake('swt1', 8, UPPER_DIGITS)}/${fake('swt2', 13, DIGITS)}/${fake('swt3', 32, HEX)}`],
        fp: [`https://hooks.slack.com/workflows/\${{ secrets.PATH }}`],
      };
    },
  },
  {
    id: 'microsoft-teams-webhook',
    name: 'Microsoft Teams incoming webhook URL',
    pattern: /(?<![a-z0-9-])[a-z0-9-]{1,64}\.webhook\.office\.com\/webhookb2\/([0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/[A-Za-z0-9]{32}\/[0-9a-f-]{36}(?:\/[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_/-])/g,
    keywords: ['webhook.office.com'],
    rotate: 'remove the Incoming Webhook connector from the Teams channel and create a new one',
    get samples() {
      return {
        tp: [`TEAMS_WEBHOOK: https://acme.webhook.office.com/webhookb2/${uuid('t1')}@${uuid('t2')}/IncomingWebhook/${fake('t3', 32, HEX)}/${uuid('t4')}`],
        fp: [`https://acme.webhook.office.com/webhookb2/<id>@<tenant>/IncomingWebhook/<x>/<y>`],
      };
    },
  },
  {
    id: 'telegram-bot-token',
    name: 'Telegram bot token',
    pattern: /(?<![A-Za-z0-9_:-])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g,
    keywords: [':AA'],
    rotate: 'revoke it with @BotFather (/revoke)',
    get samples() {
      return { tp: [`TELEGRAM_TOKEN: "${fake('tg1', 10, DIGITS)}:AA${fake('tg2', 33, B64URL)}"`], fp: [`sha256:AA${fake('tg2', 33)}`, `${fake('tg1', 10, DIGITS)}:AA${fake('tg2', 20)}`] };
    },
  },
  {
    id: 'discord-bot-token',
    name: 'Discord bot token',
    pattern: /(?<![A-Za-z0-9_.-])[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_.-])/g,
    keywords: ['.'],
    // The first part is the bot's numeric user id in base64.
    validate: (s) => /^\d{17,20}$/.test(decodeBase64(s.slice(0, s.indexOf('.'))) ?? ''),
    rotate: 'reset the token on the bot page of the Discord developer portal',
    get samples() {
      return {
        tp: [`DISCORD_TOKEN: ${stripPadding(btoa('123456789012345678'))}.${fake('dc1', 6, B64URL)}.${fake('dc2', 38, B64URL)}`],
        fp: [`N${fake('dc0', 23)}.${fake('dc1', 6)}.${fake('dc2', 30)}`],
      };
    },
  },
  {
    id: 'discord-webhook',
    name: 'Discord webhook URL',
    pattern: /discord(?:app)?\.com\/api\/webhooks\/([0-9]{17,20}\/[A-Za-z0-9_-]{60,70})(?![A-Za-z0-9_-])/g,
    keywords: ['/api/webhooks/'],
    rotate: 'delete the webhook in the channel settings (Integrations) and create a new one',
    get samples() {
      return { tp: [`https://discord.com/api/webhooks/${fake('dw', 18, DIGITS)}/${fake('dw2', 68, B64URL)}`], fp: [`https://discord.com/api/webhooks/\${ID}/\${TOKEN}`] };
    },
  },
];
