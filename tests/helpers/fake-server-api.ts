/**
 * A ServerApi whose answers a test chooses by the request as it would travel (method, path,
 * body), so tests check what reaches the wire as well as what the caller does with the reply.
 */
import { apiRequestLine } from '../../src/api';
import type { ApiName, ApiReply, ApiRequest, ApiRequestLine } from '../../src/api';
import type { ApiResult, ServerApi } from '../../renderer/platform/server-api';

export function fakeServerApi(answer: (line: ApiRequestLine) => ApiResult<unknown>): ServerApi {
  return {
    call: <K extends ApiName>(name: K, request: ApiRequest<K>) =>
      Promise.resolve(answer(apiRequestLine(name, request)) as ApiResult<ApiReply<K>>),
    raw: (method, path, body) => Promise.resolve(answer({ method, path, body })),
  };
}
