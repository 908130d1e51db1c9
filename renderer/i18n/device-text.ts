/**
 * Device problems and print job states in the page's language, from the codes the device host
 * answers with (its own messages are English, for logs).
 */
import type { DeviceErrorCode, DeviceKind } from '../../src/ipc/contract';
import { useAppStore } from '../state/app-store';
import { deviceProblemKey } from './device-messages';
import { translator } from './translate';
import type { Translate } from './translate';

export function deviceProblem(
  t: Translate,
  kind: DeviceKind,
  code: DeviceErrorCode | undefined,
): string {
  return t(deviceProblemKey(code), { device: t(`device.name.${kind}`) });
}

/** For code outside React: the translate function of the language on screen now. */
export function currentTranslate(): Translate {
  return translator(useAppStore.getState().locale);
}
