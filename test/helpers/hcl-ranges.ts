// Every range in an HCL tree, for tests that check they stay inside the text.

import type { Range } from '../../server/src/core/types.js';
import { subExpressions, type HclBody } from '../../server/src/models/terraform.js';

/** Every range in the tree, for the checks that they stay inside the text. */
export function* rangesOf(body: HclBody): Generator<Range> {
  yield body.range;
  for (const item of body.items) {
    yield item.range;
    if (item.kind === 'attribute') {
      yield item.nameRange;
      for (const e of subExpressions(item.value)) {
        yield e.range;
        if (e.type === 'string') yield e.valueRange;
        if (e.type === 'call') yield e.nameRange;
      }
    } else {
      yield item.typeRange;
      for (const l of item.labels) yield l.range;
      yield* rangesOf(item.body);
    }
  }
}
