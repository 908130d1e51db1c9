import type { Page } from 'playwright-core';
import { loginScreen } from './login-screen';
import { managerScreen } from './manager-screen';

/**
 * A register ready to sell: the supervisor (PIN 2222) opens the shift with a float at the
 * register gate, then switches user to the cashier who sells.
 */
export async function openTillFor(page: Page, cashierPin: string): Promise<void> {
  await loginScreen.signIn(page, '2222');
  const gate = page.getByTestId('register-gate');
  const sell = page.getByTestId('scan-input');
  await Promise.race([gate.waitFor(), sell.waitFor()]);
  if (await gate.isVisible()) await managerScreen.openRegister(page, '500000');
  if (cashierPin === '2222') return;
  await switchUser(page, cashierPin);
}

/** Switch user: the signed-in staff member leaves, the open sale stays for the next one. */
export async function switchUser(page: Page, pin: string): Promise<void> {
  await page.getByTestId('switch-user').click();
  await loginScreen.signIn(page, pin);
  await page.getByTestId('scan-input').waitFor();
}
