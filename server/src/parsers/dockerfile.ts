// Dockerfile parsing via dockerfile-ast, which tolerates any input and keeps line/character ranges.

import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';

export type { Dockerfile };

export function parseDockerfile(text: string): Dockerfile {
  return DockerfileParser.parse(text);
}
