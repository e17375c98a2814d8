// Chat and messaging: Slack tokens and webhooks, Telegram and Discord bot tokens, Discord webhooks.

import { decodeBase64, stripPadding } from '../checksums.js';
import { B64URL, fake, HEX } from '../fake.js';
import type { Detector } from '../types.js';

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
    samples: { tp: [`SLACK_BOT_TOKEN: xoxb-${fake('sb1', 12, DIGITS)}-${fake('sb2', 13, DIGITS)}-${fake('sb3', 24)}`], fp: [`xoxb-123-456-abc`, `xoxb-${fake('sb1', 12, DIGITS)}-${fake('sb2', 13, DIGITS)}-${fake('sb3', 20)}`] },
  },
  {
    id: 'slack-user-token',
    name: 'Slack user token',
    pattern: /(?<![A-Za-z0-9_-])xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32}(?![A-Za-z0-9_-])/g,
    keywords: ['xoxp-'],
    rotate: SLACK,
    samples: { tp: [`xoxp-${fake('su1', 12, DIGITS)}-${fake('su2', 12, DIGITS)}-${fake('su3', 13, DIGITS)}-${fake('su4', 32, HEX)}`], fp: [`xoxp-${fake('su1', 12, DIGITS)}-${fake('su4', 32, HEX)}`] },
  },
  {
    id: 'slack-refresh-token',
    name: 'Slack configuration or rotating refresh token',
    pattern: /(?<![A-Za-z0-9_.-])xoxe(?:\.xox[bp])?-1-[A-Za-z0-9]{60,}(?![A-Za-z0-9_-])/g,
    keywords: ['xoxe'],
    rotate: SLACK,
    samples: { tp: [`xoxe.xoxp-1-${fake('se', 140)}`, `xoxe-1-${fake('se2', 140)}`], fp: [`xoxe-1-${fake('se', 20)}`] },
  },
  {
    id: 'slack-app-token',
    name: 'Slack app-level token',
    pattern: /(?<![A-Za-z0-9_-])xapp-1-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}(?![A-Za-z0-9_-])/g,
    keywords: ['xapp-'],
    rotate: SLACK,
    samples: { tp: [`SLACK_APP_TOKEN=xapp-1-${fake('sa1', 11, UPPER_DIGITS)}-${fake('sa2', 13, DIGITS)}-${fake('sa3', 64, HEX)}`], fp: [`xapp-1-${fake('sa1', 11, UPPER_DIGITS)}-${fake('sa3', 64, HEX)}`] },
  },
  {
    id: 'slack-webhook',
    name: 'Slack incoming webhook URL',
    pattern: /hooks\.slack\.com\/services\/(T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24})(?![A-Za-z0-9])/g,
    keywords: ['hooks.slack.com'],
    rotate: 'remove the webhook from the Slack app (Incoming Webhooks) and add a new one',
    samples: {
      tp: [`SLACK_WEBHOOK: https://hooks.slack.com/services/T${fake('sw1', 10, UPPER_DIGITS)}/B${fake('sw2', 10, UPPER_DIGITS)}/${fake('sw3', 24)}`],
      fp: [`https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`, `https://hooks.slack.com/services/\${SLACK_PATH}`],
    },
  },
  {
    id: 'telegram-bot-token',
    name: 'Telegram bot token',
    pattern: /(?<![A-Za-z0-9_:-])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g,
    keywords: [':AA'],
    rotate: 'revoke it with @BotFather (/revoke)',
    samples: { tp: [`TELEGRAM_TOKEN: "${fake('tg1', 10, DIGITS)}:AA${fake('tg2', 33, B64URL)}"`], fp: [`sha256:AA${fake('tg2', 33)}`, `${fake('tg1', 10, DIGITS)}:AA${fake('tg2', 20)}`] },
  },
  {
    id: 'discord-bot-token',
    name: 'Discord bot token',
    pattern: /(?<![A-Za-z0-9_.-])[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_.-])/g,
    keywords: ['.'],
    // The first part is the bot's numeric user id in base64.
    validate: (s) => /^\d{17,20}$/.test(decodeBase64(s.slice(0, s.indexOf('.'))) ?? ''),
    rotate: 'reset the token on the bot page of the Discord developer portal',
    samples: {
      tp: [`DISCORD_TOKEN: ${stripPadding(btoa('123456789012345678'))}.${fake('dc1', 6, B64URL)}.${fake('dc2', 38, B64URL)}`],
      fp: [`N${fake('dc0', 23)}.${fake('dc1', 6)}.${fake('dc2', 30)}`],
    },
  },
  {
    id: 'discord-webhook',
    name: 'Discord webhook URL',
    pattern: /discord(?:app)?\.com\/api\/webhooks\/([0-9]{17,20}\/[A-Za-z0-9_-]{60,70})(?![A-Za-z0-9_-])/g,
    keywords: ['/api/webhooks/'],
    rotate: 'delete the webhook in the channel settings (Integrations) and create a new one',
    samples: { tp: [`https://discord.com/api/webhooks/${fake('dw', 18, DIGITS)}/${fake('dw2', 68, B64URL)}`], fp: [`https://discord.com/api/webhooks/\${ID}/\${TOKEN}`] },
  },
];
