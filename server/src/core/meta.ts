// Product facts shared by every surface: where rule documentation lives.

export const REPOSITORY_URL = 'https://github.com/forewarn/forewarn';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
