// AI platform keys: OpenAI, Anthropic, Hugging Face, Perplexity.

import { B64URL, fake } from '../fake.js';
import type { Detector } from '../types.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const AI: readonly Detector[] = [
  {
    id: 'openai-api-key',
    name: 'OpenAI API key',
    // Every current key (`sk-…`, `sk-proj-…`, `sk-svcacct-…`, `sk-admin-…`) carries `T3BlbkFJ` (base64 of "OpenAI").
    pattern: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g,
    keywords: ['T3BlbkFJ'],
    validate: (s) => s.indexOf('T3BlbkFJ') >= 20 && !s.startsWith('sk-ant-'),
    rotate: 'revoke it under API keys on platform.openai.com',
    get samples() {
      return {
        tp: [`OPENAI_API_KEY: sk-proj-${fake('oa1', 74, B64URL)}T3BlbkFJ${fake('oa2', 74, B64URL)}`, `sk-${fake('oa3', 20)}T3BlbkFJ${fake('oa4', 20)}`],
        fp: [`sk-${fake('oa3', 60)}`, `sk-T3BlbkFJ${fake('oa4', 40)}`],
      };
    },
  },
  {
    id: 'anthropic-api-key',
    name: 'Anthropic API key',
    pattern: /(?<![A-Za-z0-9_-])sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,}(?![A-Za-z0-9_-])/g,
    keywords: ['sk-ant-'],
    validate: (s) => s.endsWith('AA'),
    rotate: 'disable and delete it under API keys in the Anthropic console',
    get samples() {
      return { tp: [`ANTHROPIC_API_KEY=sk-ant-api03-${fake('ant', 93, B64URL)}AA`], fp: [`sk-ant-api03-${fake('ant', 95, B64URL)}`, `sk-ant-api03-${fake('ant', 20)}AA`] };
    },
  },
  {
    id: 'huggingface-token',
    name: 'Hugging Face access token',
    pattern: /(?<![A-Za-z0-9_-])(?:hf_|api_org_)[A-Za-z]{34}(?![A-Za-z0-9_-])/g,
    keywords: ['hf_', 'api_org_'],
    rotate: 'invalidate it under Settings → Access Tokens on huggingface.co',
    get samples() {
      return { tp: [`HF_TOKEN: hf_${fake('hf', 34, LETTERS)}`], fp: [`hf_${fake('hf', 34)}1`, `hf_${fake('hf', 20, LETTERS)}`] };
    },
  },

  {
    id: 'perplexity-api-key',
    name: 'Perplexity API key',
    pattern: /(?<![A-Za-z0-9_-])pplx-[A-Za-z0-9]{48}(?![A-Za-z0-9_-])/g,
    keywords: ['pplx-'],
    rotate: 'delete it under Settings → API on perplexity.ai',
    get samples() {
      return { tp: [`PERPLEXITY_API_KEY: pplx-${fake('pplx', 48)}`], fp: [`pplx-${fake('pplx', 20)}`] };
    },
  },
];
