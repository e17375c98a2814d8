// Table tests for image-without-digest (off by default; the tester turns it on).

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Analyzer, DEFAULT_CONFIG } from '../../server/src/engine/index.js';
import rule from '../../server/src/rules/pinning/image-without-digest.js';
import { ruleTester } from '../helpers/rule-tester.js';

const D = `sha256:${'a'.repeat(64)}`;

ruleTester(rule, {
  valid: [
    { name: 'Dockerfile digest', path: 'Dockerfile', code: `FROM node:20@${D}\n` },
    { name: 'stage and scratch', path: 'Dockerfile', code: `FROM golang:1.22@${D} AS b\nFROM b\nFROM scratch\n` },
    { name: 'compose digest', path: 'docker-compose.yml', code: `services:\n  a:\n    image: redis@${D}\n` },
    { name: 'unknown image', path: '.gitlab-ci.yml', code: 'a:\n  image: $IMG\n  script: [x]\n' },
  ],
  invalid: [
    {
      name: 'Dockerfile tag',
      path: 'Dockerfile',
      code: 'FROM --platform=linux/amd64 node:20-alpine AS build\n',
      errors: [{ line: 1, column: 29, endColumn: 43 }],
      resolves: [{ type: 'image-digest', target: 'node', ref: '20-alpine', rangeText: '20-alpine' }],
    },
    {
      name: 'GitHub service, quoted, with registry',
      path: '.github/workflows/ci.yml',
      code: 'on: push\njobs:\n  a:\n    services:\n      db:\n        image: "ghcr.io/org/db:1.2"\n',
      errors: [{ line: 6, column: 17 }],
      resolves: [{ type: 'image-digest', target: 'ghcr.io/org/db', ref: '1.2', rangeText: '1.2' }],
    },
    {
      name: 'untagged: reported, no fix (which tag to pin is the user\'s choice)',
      path: 'docker-compose.yml',
      code: 'services:\n  a:\n    image: redis\n',
      errors: [{ line: 3, column: 12 }],
      resolves: [null],
    },
    {
      name: 'ARG-resolved image: no fix (the text is not the image)',
      path: 'Dockerfile',
      code: 'ARG V=20\nFROM node:${V}\n',
      errors: [{ line: 2, column: 6 }],
      resolves: [null],
    },
    {
      name: 'registry with port',
      path: 'k8s/pod.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: localhost:5000/app:2\n',
      errors: [{ line: 8, column: 14 }],
      resolves: [{ type: 'image-digest', target: 'localhost:5000/app', ref: '2', rangeText: '2' }],
    },
  ],
});

it('image-without-digest is off unless configured', () => {
  const text = 'FROM node:20\n';
  assert.equal(new Analyzer([rule]).analyze({ path: 'Dockerfile', text }, DEFAULT_CONFIG).findings.length, 0);
  const on = new Analyzer([rule]).analyze({ path: 'Dockerfile', text }, { ...DEFAULT_CONFIG, rules: { 'image-without-digest': 'medium' } });
  assert.deepEqual(on.findings.map((f) => [f.ruleId, f.severity]), [['image-without-digest', 'medium']]);
});
