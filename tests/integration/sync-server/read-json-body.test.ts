/** The JSON body limits of sync-server/http/read-json-body.ts, without a server. */
import { describe, expect, it } from 'vitest';
import {
  decodeUtf8,
  MAX_JSON_DEPTH,
  parseJsonText,
} from '../../../sync-server/http/read-json-body';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { status: number; code: string; reason: string };
  }
  throw new Error('expected a refusal');
};

describe('parseJsonText', () => {
  it('takes a document nested to the limit and refuses one level more', () => {
    const at = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseJsonText(at)).toBeDefined();
    const over = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(refusal(() => parseJsonText(over))).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('does not count brackets, commas and escaped quotes inside strings', () => {
    const text = JSON.stringify({ name: `${'['.repeat(500)} \\" ${','.repeat(500)} "` });
    expect(parseJsonText(text, { depth: 2, elements: 2 })).toEqual(JSON.parse(text));
  });

  it('refuses more values than the limit with 413', () => {
    expect(refusal(() => parseJsonText('[1,2,3,4]', { elements: 3 }))).toMatchObject({
      status: 413,
      code: 'too_large',
    });
  });

  it('says what is wrong with text that is not JSON', () => {
    expect(refusal(() => parseJsonText('{"a":'))).toMatchObject({ status: 400 });
  });
});

describe('decodeUtf8', () => {
  it('keeps Vietnamese text and refuses bytes that are not UTF-8', () => {
    expect(decodeUtf8(Buffer.from('Cà phê sữa đá'))).toBe('Cà phê sữa đá');
    expect(refusal(() => decodeUtf8(Buffer.from([0x7b, 0xc3, 0x28, 0x7d])))).toMatchObject({
      status: 400,
    });
  });
});
